using WlzMessaging.Ingestion;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Operations.Status;

/// <summary>A file a running worker has in hand: taken from the inbox, its outcome not yet committed.</summary>
public sealed record InHandLine(string FileName, string WorkerId, DateTimeOffset? Since, double? Seconds);

/// <summary>
/// The one state model of the mailbox behind <c>wlz status</c>, the dashboard and the metrics: every file is waiting (in the
/// inbox, not taken), in hand (a running worker works on it), answered or quarantined. All of it comes from the workers'
/// rows in worker_status, which each worker writes before it takes a file and after it finished one, so two views read at
/// the same moment say the same. (The metrics read the same figures inside the worker: WorkerActivity.)
/// </summary>
/// <param name="Waiting">Files waiting in the inboxes of the running workers; null when no running worker counted.</param>
/// <param name="InHand">The files in hand, oldest first.</param>
/// <param name="Answered">Files the running workers answered since they started.</param>
/// <param name="Quarantined">Files the running workers moved to quarantine since they started.</param>
public sealed record MailboxState(int? Waiting, IReadOnlyList<InHandLine> InHand, long Answered, long Quarantined)
{
    public static MailboxState Of(IEnumerable<WorkerStatus> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var running = workers.Where(w => w.Running).ToList();
        var inHand = running.Where(w => w.HasFileInHand)
            .OrderBy(w => w.CurrentSince ?? w.SeenAt)
            .SelectMany(FilesInHand)
            .ToList();

        // Workers sharing an inbox see the same files: each counts the inbox less its own file in hand. Per inbox the latest
        // count is taken, less the files the other workers of that inbox have in hand.
        int? waiting = null;
        foreach (var inbox in running.Where(w => w.Waiting is not null).GroupBy(w => w.Inbox ?? w.WorkerId, StringComparer.Ordinal))
        {
            var latest = inbox.OrderBy(w => w.SinceSeen).First();
            var othersInHand = inbox.Where(w => w.HasFileInHand && !ReferenceEquals(w, latest)).Sum(w => 1 + (w.AlsoInHand?.Count ?? 0));
            waiting = (waiting ?? 0) + Math.Max(0, latest.Waiting!.Value - othersInHand);
        }

        return new MailboxState(waiting, inHand, running.Sum(w => w.FilesAnswered), running.Sum(w => w.FilesQuarantined));
    }

    // A worker with several files at once (Worker:FilesAtOnce) names the oldest with its time, then the others it holds.
    private static IEnumerable<InHandLine> FilesInHand(WorkerStatus w)
    {
        yield return new InHandLine(
            w.CurrentFile!,
            w.WorkerId,
            w.CurrentSince is { } since ? Amsterdam.ToLocal(since) : null,
            w.CurrentSince is { } s ? Math.Round(Math.Max(0, (w.SeenAt - s + w.SinceSeen).TotalSeconds), 1) : null);
        foreach (var other in w.AlsoInHand ?? [])
        {
            yield return new InHandLine(other, w.WorkerId, null, null);
        }
    }
}
