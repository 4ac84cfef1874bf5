using Npgsql;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Storage.Nightly;

/// <summary>
/// A nightly run's row in <c>nightly_run</c>, as the nightly job sees it before it opens the day (<see cref="NightlyDay"/>):
/// whether a date is done, and the mark that it started. The operators' views read the rows through
/// <see cref="NightlyRunStore"/>.
/// </summary>
public static class NightlyRuns
{
    /// <summary>True when a run of <paramref name="date"/> finished (by any process).</summary>
    public static async Task<bool> IsFinishedAsync(Store store, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var command = store.DataSource.CreateCommand("SELECT finished_at IS NOT NULL FROM nightly_run WHERE run_date = $1");
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = date });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <summary>Marks <paramref name="date"/> as started now (<see cref="NightlyRunStore.BeginAsync(DateOnly, CancellationToken)"/>).</summary>
    public static Task MarkStartedAsync(Store store, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new NightlyRunStore(store.DataSource).BeginAsync(date, cancellationToken);
    }
}
