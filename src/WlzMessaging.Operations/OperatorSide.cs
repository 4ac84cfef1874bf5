using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WlzMessaging.Adjudication;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Nightly;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Storage;

namespace WlzMessaging.Operations;

/// <summary>
/// The operators' side of <c>wlz run</c>, beside the <see cref="MailboxWorker"/>: the worker's row in worker_status kept
/// fresh (<see cref="HeartbeatReporter"/>, reading <see cref="WorkerActivity"/>), the store the dashboard and
/// <c>/healthz</c> read (<see cref="OperatorStore"/>), and the nightly job at <c>Nightly:At</c>. It has its own connection
/// to the database, opened with the same backoff as the worker's, so a database that is down delays these and never the
/// worker. The web host (dashboard, <c>/metrics</c>, <c>/healthz</c>) is <see cref="OperatorHost"/>'s. With
/// <c>--once</c> only the heartbeat runs.
/// </summary>
public sealed class OperatorSide(
    WorkerSettings settings,
    WorkerRunOptions run,
    WorkerActivity activity,
    OperatorStore operatorStore,
    IFileAnswering answering,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<OperatorSide>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Store? store = null;
        try
        {
            store = await OpenAsync(stoppingToken).ConfigureAwait(false);
            operatorStore.Set(store);
            var reporter = new HeartbeatReporter(store.WorkerStatuses(), activity, time, loggers.CreateLogger<HeartbeatReporter>());
            var beating = reporter.RunAsync(stoppingToken);

            if (!run.Once && settings.NightlyEnabled)
            {
                try
                {
                    await NightlyLoopAsync(store, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                }
            }

            // Returns once stopped, after the last write (state stopped).
            await beating.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The operators' side must never take the worker down: whatever ends it is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError("Heartbeat and nightly job stopped: {Reason}", e.Message);
        }
        finally
        {
            operatorStore.Set(null);
            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<Store> OpenAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run.OpenStore(stoppingToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (Failures.Classify(e) == FailureKind.DatabaseDown && !stoppingToken.IsCancellationRequested)
            {
                // The worker logs the database's state; here only the wait.
                _logger.LogDebug("Operator side waits for the database: {Reason}", e.Message);
                var seconds = Math.Min(settings.MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(attempt, 30) - 1));
                await Task.Delay(TimeSpan.FromSeconds(seconds), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>At start the latest due date (unless it finished), then every day at Nightly:At for the day before.</summary>
    private async Task NightlyLoopAsync(Store store, CancellationToken stoppingToken)
    {
        var adjudication = new AdjudicationSettings(settings.Cutoffs);
        var logger = loggers.CreateLogger<NightlyJob>();
        var job = new NightlyJob(store, adjudication, logger);
        var pending = new PendingFiles(store, settings, answering, time, logger, sweepInbox: false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = NightlySchedule.DueDate(time.GetUtcNow(), settings.NightlyAt);
            try
            {
                await job.RunAsync(due, pending, unlessFinished: true, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed night is logged and tried again at the next; it never stops the worker.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError("Nightly run of {Date:yyyy-MM-dd} failed: {Reason}; tried again at the next run", due, e.Message);
            }

            var next = NightlySchedule.NextRun(time.GetUtcNow(), settings.NightlyAt);
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
