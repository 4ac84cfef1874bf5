using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace WlzMessaging.Storage.Operations;

/// <summary>A nightly reprocessing run as <c>nightly_run</c> holds it; <see cref="Report"/> is the run's JSON summary.</summary>
public sealed record NightlyRun(DateOnly Date, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Report)
{
    /// <summary>Started and not finished: running now, or interrupted.</summary>
    public bool Finished => FinishedAt is not null;
}

/// <summary>
/// The nightly runs (<c>nightly_run</c>, migration 0004). The nightly job calls <see cref="BeginAsync"/> when it starts a
/// date and <see cref="FinishAsync"/> in the transaction that commits its work; the operators' views read
/// <see cref="ReadLastAsync"/>. Running a date again overwrites its row.
/// </summary>
public sealed class NightlyRunStore(NpgsqlDataSource dataSource)
{
    static NightlyRunStore() => DapperTypeHandlers.Register();

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>Marks <paramref name="date"/> as started now (finished_at and report cleared).</summary>
    public async Task BeginAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await BeginAsync(connection, null, date, cancellationToken).ConfigureAwait(false);
    }

    public static async Task BeginAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO nightly_run (run_date, started_at) VALUES ($1, now())
            ON CONFLICT (run_date) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL, report = NULL
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = date });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks <paramref name="date"/> finished now with its report (a JSON object; it must hold no BSN, name or birth date).
    /// Pass the transaction of the run's own work, so the report commits with it.
    /// </summary>
    public static async Task FinishAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, DateOnly date, string reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(reportJson);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO nightly_run (run_date, started_at, finished_at, report) VALUES ($1, now(), now(), $2)
            ON CONFLICT (run_date) DO UPDATE SET finished_at = greatest(now(), nightly_run.started_at), report = excluded.report
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = date });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reportJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="FinishAsync(NpgsqlConnection, NpgsqlTransaction?, DateOnly, string, CancellationToken)"/>
    public async Task FinishAsync(DateOnly date, string reportJson, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await FinishAsync(connection, null, date, reportJson, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run of the latest date, finished or not; null when there never was one.</summary>
    public async Task<NightlyRun?> ReadLastAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryFirstOrDefaultAsync<NightlyRun?>(new CommandDefinition(
                """
                SELECT run_date AS Date, started_at AS StartedAt, finished_at AS FinishedAt, report::text AS Report
                FROM nightly_run
                ORDER BY run_date DESC
                LIMIT 1
                """,
                cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }
}
