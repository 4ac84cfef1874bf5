using Npgsql;

namespace WlzMessaging.Storage.History;

/// <summary>
/// One writer per provider: reading a provider's history and committing a file's lines against it are one critical section,
/// across workers and processes on one database. Without it, two files of one provider processed at once both read the
/// history before either commits, and both approve the lines they have in common (specs/storage.md, "One writer per provider").
/// </summary>
/// <remarks>
/// A transaction-level advisory lock (<c>pg_advisory_xact_lock(int, int)</c>): taken before the history is read, held until
/// the file's transaction commits or rolls back, and gone with a killed process's connection. Its key is the two-integer
/// form, (<see cref="KeySpace"/>, AGB): PostgreSQL keeps the two-integer keys apart from the single 64-bit keys that the
/// per-file claim locks (<see cref="Files.VektisFileRepository.LockKey"/>), the nightly lock, the migrator and the reference
/// imports use, so no file's hash can ever share a lock with a provider. Files of different providers never wait for each
/// other. A transaction takes at most one provider's lock, except the nightly run, which takes its providers' in ascending
/// order: no two holders can wait for each other in a cycle.
/// </remarks>
public static class ProviderLock
{
    /// <summary>"WLZP" in ASCII: the first key of every provider's lock.</summary>
    public const int KeySpace = 0x574C_5A50;

    /// <summary>Waits for the provider's lock in <paramref name="transaction"/>; it is released by the commit or rollback.</summary>
    public static async Task AcquireAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int providerAgb, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);

        // No time limit: the wait is as long as the other file's commit, which may be a million lines.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, $2)", connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = KeySpace });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = providerAgb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the locks of several providers in ascending AGB order (the order every multi-provider holder uses), waiting
    /// for each in turn.
    /// </summary>
    public static async Task AcquireAllAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<int> providerAgbs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providerAgbs);
        foreach (var agb in providerAgbs.Distinct().Order())
        {
            await AcquireAsync(connection, transaction, agb, cancellationToken).ConfigureAwait(false);
        }
    }
}
