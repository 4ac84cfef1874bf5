using Npgsql;

namespace WlzMessaging.Storage.Lines;

/// <summary>
/// Keeps the planner's statistics of <c>declaration_line</c> current after a large load, so the next file's history probes
/// are planned on what the table holds (specs/storage.md). Autovacuum analyzes too (migration 0006 sets it to 1% of the
/// rows), but up to a minute later: a second file right after a first big one would be planned on a table of nothing.
/// </summary>
/// <remarks>
/// Runs after the file's commit, never inside its transaction: ANALYZE holds its table lock to the end of the transaction,
/// and two files of different providers would then wait for each other. ANALYZE reads a sample of fixed size (30,000 rows
/// at the default statistics target), so its cost does not grow with the table.
/// </remarks>
public static class DeclarationLineStatistics
{
    /// <summary>A load below this many lines never triggers an ANALYZE of its own: autovacuum's is soon enough.</summary>
    public const long MinimumLines = 10_000;

    /// <summary>A load of at least 1/<c>GrowthDivisor</c> of the rows the statistics know of (2%) makes them stale.</summary>
    public const long GrowthDivisor = 50;

    /// <summary>ANALYZEs declaration_line when <paramref name="lines"/> just stored are many against what its statistics know.</summary>
    /// <returns>True when it analyzed.</returns>
    public static async Task<bool> RefreshAfterLoadAsync(NpgsqlConnection connection, long lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (lines < MinimumLines)
        {
            return false;
        }

        // reltuples: the rows at the last ANALYZE or VACUUM; -1 when the table was never analyzed.
        await using (var known = new NpgsqlCommand("SELECT reltuples::bigint FROM pg_class WHERE oid = 'declaration_line'::regclass", connection))
        {
            var rows = (long)(await known.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (rows >= 0 && lines * GrowthDivisor < rows)
            {
                return false;
            }
        }

        // Statistics only steer plans: failing to refresh them must not fail a file that is committed already. Autovacuum
        // will do it.
        try
        {
            await using var analyze = new NpgsqlCommand("ANALYZE declaration_line", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }
}
