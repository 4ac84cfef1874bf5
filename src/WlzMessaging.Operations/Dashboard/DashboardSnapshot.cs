using System.Text.Json.Serialization;
using WlzMessaging.Ingestion;
using WlzMessaging.Operations.Report;
using WlzMessaging.Operations.Status;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Operations.Dashboard;

/// <summary>
/// What <c>/api/dashboard</c> returns and the page shows. Aggregates only: providers by AGB and organisation name, files
/// by name, retourcodes with their meaning; never a BSN, a client's name or a birth date. Times are Amsterdam times.
/// </summary>
public sealed record DashboardSnapshot(
    DateTimeOffset Now,
    double WindowHours,
    DashboardThroughput Throughput,
    int? InboxDepth,
    bool WorkerRunning,
    IReadOnlyList<WorkerLine> Workers,
    DashboardAw320 Aw320,
    IReadOnlyList<InHandLine> InHand,
    long FilesAnswered,
    long FilesQuarantined,
    IReadOnlyList<RetourcodeRank> Rejections,
    IReadOnlyList<DashboardProvider> Providers,
    NightlyLine? LastNightly)
{
    /// <summary>The files rejected as a whole (0001) within the window, by cause, shown with the line retourcodes.</summary>
    public IReadOnlyList<WholeFileRejection> WholeFileRejections { get; init; } = [];

    /// <summary>The files rejected as a whole within the window: what the shares of <see cref="WholeFileRejections"/> are of.</summary>
    public long RejectedFiles { get; init; }
}

/// <summary>
/// Lines judged in the last 60 seconds (<see cref="LinesPerMinute"/>: a burst shows at once, not averaged over the hour),
/// the lines and files of the last hour, and its 60 minutes oldest first (the last one the last 60 seconds).
/// </summary>
public sealed record DashboardThroughput(long LinesPerMinute, long Lines, long Files, IReadOnlyList<long> PerMinute);

public sealed record DashboardAw320(long Total, long LastHour, long InWindow, LastAnswerLine? Last);

/// <summary>A provider's files finished within the window.</summary>
public sealed record DashboardProvider(
    string? Agb, string? Name, long Files, long Processed, long RejectedFiles, long Lines, long ApprovedLines, long RejectedLines,
    double RejectedShare, long ApprovedCents, RetourcodeRank? TopRetourcode);

/// <summary>Makes the snapshot from the rows <see cref="LiveQueries.ReadDashboardAsync"/> read.</summary>
public static class DashboardSnapshotBuilder
{
    public static DashboardSnapshot Build(DashboardRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var workers = rows.Workers.Select(StatusView.Worker).ToList();
        var mailbox = MailboxState.Of(rows.Workers);

        // The 60 minutes up to now, by the database's clock, counted back from now; the last 60 seconds last.
        var perMinute = new long[60];
        foreach (var minute in rows.LastHour)
        {
            if (minute.MinutesAgo is >= 0 and < 60)
            {
                perMinute[59 - minute.MinutesAgo] += minute.Lines;
            }
        }

        var lines = rows.LastHour.Sum(m => m.Lines);
        var rejectedLines = rows.Providers.Sum(p => p.RejectedLines);
        var rejectedFiles = rows.Providers.Sum(p => p.RejectedFiles);
        var codesByProvider = rows.Rejections.Where(c => !c.IsTotal).ToLookup(c => c.ProviderAgb);

        return new DashboardSnapshot(
            Amsterdam.ToLocal(rows.Now),
            rows.Window.TotalHours,
            new DashboardThroughput(perMinute[59], lines, rows.LastHour.Sum(m => m.Files), perMinute),
            mailbox.Waiting,
            workers.Any(w => w.Running),
            workers,
            new DashboardAw320(rows.Aw320.Total, rows.Aw320.LastHour, rows.Aw320.InWindow, rows.LastAnswer is { } a ? StatusView.Answer(a) : null),
            mailbox.InHand,
            mailbox.Answered,
            mailbox.Quarantined,
            rows.Rejections.Where(c => c.IsTotal).OrderByDescending(c => c.Count).ThenBy(c => c.Code).Select(c => Rank(c, rejectedLines)).ToList(),
            rows.Providers.Select(p => new DashboardProvider(
                AgbText.Of(p.ProviderAgb), p.ProviderName, p.Files, p.Processed, p.RejectedFiles, p.Lines, p.ApprovedLines, p.RejectedLines,
                p.Lines == 0 ? 0 : Math.Round((double)p.RejectedLines / p.Lines, 4), p.ApprovedCents,
                codesByProvider[p.ProviderAgb].OrderByDescending(c => c.Count).ThenBy(c => c.Code).Select(c => Rank(c, p.RejectedLines)).FirstOrDefault()))
                .ToList(),
            rows.LastNightly is { } n ? StatusView.Nightly(n) : null)
        {
            WholeFileRejections = WholeFileRejection.Rank(rows.WholeFileRejections.Where(c => c.IsTotal), rejectedFiles),
            RejectedFiles = rejectedFiles,
        };
    }

    private static RetourcodeRank Rank(CodeCount c, long of) =>
        new(RetourcodeText.Code(c.Code), RetourcodeText.Meaning(c.Code), c.Count, of == 0 ? 0 : Math.Round((double)c.Count / of, 4));
}
