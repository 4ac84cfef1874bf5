using Dapper;
using Npgsql;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Storage.History;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Storage.Nightly;

/// <summary>
/// The transaction a nightly run folds a day's corrections in: opened on a connection of its own, under a transaction-level
/// advisory lock, so two runs (the worker's and an operator's <c>wlz nightly</c>) never interleave; the second waits and then
/// finds its work done. It also holds the writer locks of the day's providers (<see cref="ProviderLock"/>). Every step of
/// <see cref="Storage.Nightly"/> takes this.
/// </summary>
public sealed class NightlyDay : IAsyncDisposable
{
    /// <summary>"wlz_nigh" in ASCII.</summary>
    internal const long AdvisoryLockKey = 0x776C_7A5F_6E69_6768;

    private NightlyDay(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly date)
    {
        Connection = connection;
        Transaction = transaction;
        Date = date;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>The nightly date: the day whose corrections are folded in.</summary>
    public DateOnly Date { get; }

    /// <summary>Opens the transaction and waits for the nightly lock.</summary>
    public static Task<NightlyDay> BeginAsync(Store store, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return BeginAsync(store.DataSource, date, cancellationToken);
    }

    /// <inheritdoc cref="BeginAsync(Store, DateOnly, CancellationToken)"/>
    public static async Task<NightlyDay> BeginAsync(NpgsqlDataSource dataSource, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var day = new NightlyDay(connection, transaction, date);
            await using var command = day.Command("SELECT pg_advisory_xact_lock(@key)").With("key", AdvisoryLockKey);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await day.LockProvidersAsync(cancellationToken).ConfigureAwait(false);
            return day;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The run rewrites the corrections and production of the providers whose production files were received on the date:
    /// it takes their writer locks (<see cref="ProviderLock"/>), so no file of theirs reads or commits history in between.
    /// </summary>
    private async Task LockProvidersAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(
            """
            SELECT DISTINCT provider_agb FROM vektis_file
            WHERE received_on = @date AND status = 'processed' AND soort_bericht = 'P' AND provider_agb IS NOT NULL
            """).With("date", Date);
        var providers = await command.ReadAsync(r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        await ProviderLock.AcquireAllAsync(Connection, Transaction, providers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the run of <see cref="Date"/> finished with its report (<see cref="NightlyRunStore.FinishAsync"/>), in this
    /// transaction: the report commits with the work it describes.
    /// </summary>
    public Task FinishRunAsync(string reportJson, CancellationToken cancellationToken) =>
        NightlyRunStore.FinishAsync(Connection, Transaction, Date, reportJson, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    /// <summary>A command in this transaction, with no time limit: a step may read many lines.</summary>
    internal NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction) { CommandTimeout = 0 };

    /// <summary>
    /// The rows of a query in this transaction, with no time limit, mapped by Dapper to <typeparamref name="T"/> by the column
    /// names the SQL gives; <paramref name="parameters"/> by name.
    /// </summary>
    internal async Task<List<T>> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken)
    {
        DapperTypeHandlers.Register();
        return (await Connection.QueryAsync<T>(new CommandDefinition(sql, parameters, Transaction, commandTimeout: 0, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).AsList();
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
