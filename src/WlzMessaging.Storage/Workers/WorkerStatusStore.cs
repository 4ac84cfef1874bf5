using Npgsql;
using NpgsqlTypes;

namespace WlzMessaging.Storage.Workers;

/// <summary>
/// The workers' rows in <c>worker_status</c> (migration 0025): a worker writes its <see cref="WorkerStatus"/> when its state
/// changes and every interval beside that (<see cref="WriteAsync"/>); <c>wlz status</c> and the dashboard read them
/// (<see cref="ReadAsync"/>). Nothing depends on these rows for correctness: files are claimed by advisory locks.
/// </summary>
public sealed class WorkerStatusStore(NpgsqlDataSource dataSource)
{
    private const string UpsertSql = """
        INSERT INTO worker_status AS s (worker_id, host, pid, inbox, started_at, seen_at, interval_seconds, state, waiting,
                                        current_file, current_since, files_answered, files_quarantined, last_file, last_file_at, revision,
                                        also_in_hand)
        VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        ON CONFLICT (worker_id) DO UPDATE SET
            host = excluded.host, pid = excluded.pid, inbox = excluded.inbox, started_at = excluded.started_at,
            seen_at = excluded.seen_at, interval_seconds = excluded.interval_seconds, state = excluded.state,
            waiting = excluded.waiting, current_file = excluded.current_file, current_since = excluded.current_since,
            files_answered = excluded.files_answered, files_quarantined = excluded.files_quarantined,
            last_file = excluded.last_file, last_file_at = excluded.last_file_at, revision = excluded.revision,
            also_in_hand = excluded.also_in_hand
        WHERE s.revision <= excluded.revision
        """;

    private const string ReadSql = """
        SELECT worker_id, host, pid, inbox, started_at, seen_at, interval_seconds, state, waiting, current_file, current_since,
               files_answered, files_quarantined, last_file, last_file_at, revision, extract(epoch FROM now() - seen_at)::float8,
               also_in_hand
        FROM worker_status
        WHERE seen_at >= now() - make_interval(secs => $1)
           OR (state <> 'stopped' AND now() - seen_at <= 2 * make_interval(secs => interval_seconds))
        ORDER BY seen_at DESC, worker_id
        """;

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>
    /// Writes the worker's row: inserted the first time, replaced later, unless the row already holds a later revision.
    /// </summary>
    public async Task WriteAsync(WorkerStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentOutOfRangeException.ThrowIfLessThan(status.Interval, TimeSpan.FromSeconds(1), nameof(status));
        await using var command = _dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status.WorkerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status.Host });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = status.Pid });
        command.Parameters.Add(Nullable(status.Inbox, NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = status.StartedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)Math.Ceiling(status.Interval.TotalSeconds) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerStatus.StateText(status.State) });
        command.Parameters.Add(Nullable(status.Waiting, NpgsqlDbType.Integer));
        command.Parameters.Add(Nullable(status.CurrentFile, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(status.CurrentFile is null ? null : status.CurrentSince?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = status.FilesAnswered });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = status.FilesQuarantined });
        command.Parameters.Add(Nullable(status.LastFile, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(status.LastFileAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = status.Revision });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = status.CurrentFile is null ? [] : [.. status.AlsoInHand ?? []] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The workers seen within <paramref name="seenWithin"/> (default a day) and every worker still running, latest first.
    /// </summary>
    public async Task<IReadOnlyList<WorkerStatus>> ReadAsync(TimeSpan? seenWithin = null, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = (seenWithin ?? TimeSpan.FromDays(1)).TotalSeconds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var workers = new List<WorkerStatus>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            workers.Add(new WorkerStatus(
                WorkerId: reader.GetString(0),
                Host: reader.GetString(1),
                Pid: reader.GetInt32(2),
                Inbox: reader.IsDBNull(3) ? null : reader.GetString(3),
                StartedAt: reader.GetFieldValue<DateTimeOffset>(4),
                Interval: TimeSpan.FromSeconds(reader.GetInt32(6)),
                State: WorkerStatus.ParseState(reader.GetString(7)),
                Waiting: reader.IsDBNull(8) ? null : reader.GetInt32(8),
                CurrentFile: reader.IsDBNull(9) ? null : reader.GetString(9),
                CurrentSince: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                FilesAnswered: reader.GetInt64(11),
                FilesQuarantined: reader.GetInt64(12),
                LastFile: reader.IsDBNull(13) ? null : reader.GetString(13),
                LastFileAt: reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
                Revision: reader.GetInt64(15),
                AlsoInHand: reader.GetFieldValue<string[]>(17))
            {
                SeenAt = reader.GetFieldValue<DateTimeOffset>(5),
                SinceSeen = TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(16))),
            });
        }

        return workers;
    }

    /// <summary>Removes the rows of workers not seen for <paramref name="olderThan"/>; returns how many.</summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM worker_status WHERE seen_at < now() - make_interval(secs => $1)");
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = olderThan.TotalSeconds });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
