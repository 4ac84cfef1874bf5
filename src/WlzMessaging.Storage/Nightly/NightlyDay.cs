using Npgsql;
using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Storage.Nightly;

/// <summary>
/// The transaction a nightly run folds a day's corrections in: opened on a connection of its own, under a transaction-level
/// advisory lock, so two runs (the worker's and an operator's <c>wlz nightly</c>) never interleave; the second waits and then
/// finds its work done. Every step of <see cref="Storage.Nightly"/> takes this.
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
            return day;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    /// <summary>A command in this transaction, with no time limit: a step may read many lines.</summary>
    internal NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction) { CommandTimeout = 0 };

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
