using Microsoft.Extensions.Logging;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Nightly;

namespace WlzMessaging.Ingestion.Nightly;

/// <summary>
/// The nightly job's files step: files that could not finish are processed. Claims a dead worker left in vektis_file are
/// released (<see cref="StaleClaims"/>), temporary AW320s a dead process left in the outbox are published or removed
/// (<see cref="StaleAnswers"/>), then every complete file waiting in the inbox goes through the same
/// <see cref="FileProcessor"/> as the worker's, with the worker's mailbox and received-date rule. A file a live worker has in
/// hand is left to it (its advisory lock: outcome Busy). A file that fails here stays in the inbox for the worker, which
/// knows when to retry and when to quarantine; the job only counts it.
/// </summary>
/// <remarks>
/// Inside <c>wlz run</c> (<paramref name="sweepInbox"/> false) the inbox is left to the worker's own loop, which processes it
/// all day anyway: two processors in one process would only race for the same files. The claims are released either way.
/// </remarks>
public sealed class PendingFiles(
    Store store,
    WorkerSettings settings,
    IFileAnswering answering,
    TimeProvider time,
    ILogger logger,
    bool sweepInbox = true)
{
    public async Task<NightlyFiles> ProcessAsync(CancellationToken cancellationToken)
    {
        var claims = await StaleClaims.ReleaseAsync(store, cancellationToken).ConfigureAwait(false);
        if (claims.Released + claims.HeldByLiveWorker + claims.NeedOperator > 0)
        {
            logger.LogInformation(
                "Nightly: {Released} stale claims released, {Held} held by a live worker, {Operator} with stored lines left for an operator",
                claims.Released, claims.HeldByLiveWorker, claims.NeedOperator);
        }

        var answers = await StaleAnswers.TidyAsync(store, settings.Outbox, settings.Inbox, time, logger, cancellationToken).ConfigureAwait(false);
        if (!sweepInbox || !Directory.Exists(settings.Inbox))
        {
            return NightlyFiles.Skipped with
            {
                Inbox = sweepInbox ? "absent" : "worker",
                StaleClaimsReleased = claims.Released,
                StaleClaimsHeldByLiveWorker = claims.HeldByLiveWorker,
                StaleClaimsForOperator = claims.NeedOperator,
                StaleAnswersPublished = answers.Published,
                StaleAnswersRemoved = answers.Removed,
                StaleAnswersForOperator = answers.LeftForOperator,
            };
        }

        long processed = 0, rejected = 0, again = 0, quarantined = 0, busy = 0, failed = 0;
        using var snapshots = new ReferenceSnapshotCache();
        var processor = new FileProcessor(
            store,
            new ProcessingSettings { Uzovi = settings.Uzovi, ProcessedBy = $"wlz nightly {Environment.MachineName}:{Environment.ProcessId}" },
            answering,
            snapshots,
            logger);
        foreach (var path in new InboxScanner(settings.Inbox, settings.StableFor, time).Scan())
        {
            cancellationToken.ThrowIfCancellationRequested();
            DateTime modified;
            try
            {
                modified = File.GetLastWriteTimeUtc(path);
            }
            catch (IOException)
            {
                continue;
            }

            try
            {
                var outcome = await processor.ProcessAsync(MailboxJob.For(path, modified, settings, time), cancellationToken).ConfigureAwait(false);
                switch (outcome.Kind)
                {
                    case FileOutcomeKind.Processed: processed++; break;
                    case FileOutcomeKind.Rejected: rejected++; break;
                    case FileOutcomeKind.Reused: again++; break;
                    case FileOutcomeKind.NotVektis: quarantined++; break;
                    case FileOutcomeKind.Busy: busy++; break;
                    case FileOutcomeKind.Gone: break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (Failures.Classify(e) != FailureKind.DatabaseDown)
            {
                failed++;
                logger.LogWarning("Nightly: {File} could not be processed ({Reason}); it stays in the inbox for the worker", LogText.Escape(Path.GetFileName(path)), LogText.Escape(e.Message));
            }
        }

        return new NightlyFiles("processed", processed, rejected, again, quarantined, busy, failed, claims.Released, claims.HeldByLiveWorker, claims.NeedOperator)
        {
            StaleAnswersPublished = answers.Published,
            StaleAnswersRemoved = answers.Removed,
            StaleAnswersForOperator = answers.LeftForOperator,
        };
    }
}
