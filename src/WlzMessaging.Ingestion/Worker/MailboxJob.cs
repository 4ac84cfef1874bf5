using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;

namespace WlzMessaging.Ingestion.Worker;

/// <summary>The <see cref="FileJob"/> of a file in the worker's inbox, as the worker and the nightly job both make it.</summary>
internal static class MailboxJob
{
    /// <summary>
    /// Received is the day the file was written into the inbox (its modification time, an Amsterdam date): a file processed
    /// again after a restart, or by the nightly job, keeps its date. The answer is dated today, or the received day if later.
    /// </summary>
    public static FileJob For(string path, DateTime modifiedUtc, WorkerSettings settings, TimeProvider time)
    {
        var received = Amsterdam.DateOf(new DateTimeOffset(modifiedUtc, TimeSpan.Zero));
        var today = Amsterdam.Today(time);
        return new FileJob(path, settings.Outbox, received, received > today ? received : today, settings.Archive, settings.Quarantine);
    }
}
