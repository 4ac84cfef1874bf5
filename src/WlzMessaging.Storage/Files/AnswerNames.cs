using Npgsql;

namespace WlzMessaging.Storage.Files;

/// <summary>
/// Keeps two inputs from getting one AW320 name (jan.asc and jan.aw319, or a name sent again with other content): the name
/// is chosen under a lock on the input's base name, among the names no committed <c>aw320</c> row holds, and the lock is held
/// until the AW320 is published under it.
/// </summary>
/// <remarks>
/// A session-level advisory lock in the two-integer key space (<see cref="KeySpace"/>, hashtext of the base name): apart from
/// the per-file locks (one 64-bit key) and the providers' (<see cref="History.ProviderLock"/>). It survives the file's commit,
/// so it covers the rename into the outbox, and goes with a killed process's connection. Taken before the provider's lock
/// and never while waiting for one of another name, so no two holders wait for each other in a cycle. Two base names that
/// share a hash only wait for each other.
/// </remarks>
public static class AnswerNames
{
    /// <summary>"WLZN" in ASCII: the first key of every answer name's lock.</summary>
    public const int KeySpace = 0x574C_5A4E;

    /// <summary>Waits for the lock of <paramref name="baseName"/>; released by <see cref="UnlockAsync"/> or the connection's end.</summary>
    public static async Task LockAsync(NpgsqlConnection connection, string baseName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1, hashtext($2))", connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = KeySpace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = baseName });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task UnlockAsync(NpgsqlConnection connection, string baseName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, hashtext($2))", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = KeySpace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = baseName });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which of <paramref name="names"/> a committed AW320 of a file other than <paramref name="exceptFileId"/> holds.</summary>
    public static async Task<IReadOnlySet<string>> TakenAsync(
        NpgsqlConnection connection, IReadOnlyList<string> names, long? exceptFileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(names);
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT file_name FROM aw320 WHERE file_name = ANY($1) AND file_id IS DISTINCT FROM $2", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. names] });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)exceptFileId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            taken.Add(reader.GetString(0));
        }

        return taken;
    }
}
