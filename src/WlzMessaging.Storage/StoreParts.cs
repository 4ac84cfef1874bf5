using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Storage;

/// <summary>
/// The Storage classes the layers above get from a <see cref="Store"/>: they are made on the store's data source here, so
/// no layer above Storage ever holds the data source (<see cref="Store.DataSource"/> is Storage's own).
/// </summary>
public static class StoreParts
{
    /// <summary>What the status command and the dashboard read of the moment.</summary>
    public static LiveQueries LiveQueries(this Store store) => new(DataSourceOf(store));

    /// <summary>The monthly feedback to the providers.</summary>
    public static FeedbackQueries FeedbackQueries(this Store store, FundingSettings? funding = null) => new(DataSourceOf(store), funding);

    /// <summary>The reports over a period.</summary>
    public static ReportQueries ReportQueries(this Store store, FundingSettings? funding = null) => new(DataSourceOf(store), funding);

    /// <summary>The advance runs: computed, reviewed, approved, paid.</summary>
    public static AdvanceRunStore AdvanceRuns(this Store store, FundingSettings? settings = null, TimeProvider? time = null) =>
        new(DataSourceOf(store), settings, time);

    /// <summary>The rows of <c>wlz run</c>'s processes in <c>worker_status</c>: each worker writes its own, the views read them.</summary>
    public static WorkerStatusStore WorkerStatuses(this Store store) => new(DataSourceOf(store));

    private static Npgsql.NpgsqlDataSource DataSourceOf(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.DataSource;
    }
}
