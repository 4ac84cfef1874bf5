using Npgsql;
using WlzMessaging.Storage.History;

namespace WlzMessaging.Testing;

/// <summary>
/// What pg_locks says of a provider's writer lock (<see cref="ProviderLock"/>) in one database: how many sessions wait for
/// it. A test waits for a known number of waiters instead of sleeping: then it knows each of them is inside its transaction
/// and stopped before the history read.
/// </summary>
public static class ProviderLockWaiters
{
    // The two-integer form of an advisory lock is (classid, objid) with objsubid 2 (1 is the single 64-bit form).
    private const string WaitersSql = """
        SELECT count(*)::int FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND objsubid = 2
          AND classid::bigint = $1 AND objid::bigint = $2
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    public static async Task<int> CountAsync(NpgsqlDataSource dataSource, int providerAgb)
    {
        await using var command = dataSource.CreateCommand(WaitersSql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ProviderLock.KeySpace });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = providerAgb });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until <paramref name="count"/> sessions wait for the provider's lock; fails after a minute.</summary>
    /// <param name="stillRunning">Checked on every round: false (the work ended without ever waiting) fails at once.</param>
    public static async Task WaitForAsync(NpgsqlDataSource dataSource, int providerAgb, int count, Func<bool> stillRunning)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (await CountAsync(dataSource, providerAgb) < count)
        {
            if (!stillRunning())
            {
                throw new InvalidOperationException($"the work ended before {count} sessions waited for the lock of provider {providerAgb}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} sessions never waited for the lock of provider {providerAgb}");
            }

            await Task.Delay(50);
        }
    }
}
