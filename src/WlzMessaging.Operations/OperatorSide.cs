using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WlzMessaging.Adjudication;
using WlzMessaging.Funding;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Nightly;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Operations.Dashboard;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Operations;

/// <summary>
/// The operators' side of <c>wlz run</c>, beside the <see cref="MailboxWorker"/>: the worker's heartbeat in
/// worker_heartbeat (<see cref="HeartbeatReporter"/>, fed by <see cref="WorkerActivity"/>), the dashboard on
/// <c>Dashboard:Urls</c>, and the nightly job at <c>Nightly:At</c>. It has its own connection to the database, opened with the
/// same backoff as the worker's, so a database that is down delays these and never the worker. With <c>--once</c> only the
/// heartbeat runs.
/// </summary>
public sealed class OperatorSide(
    WorkerSettings settings,
    WorkerRunOptions run,
    WorkerActivity activity,
    IFileAnswering answering,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<OperatorSide>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Store? store = null;
        DashboardServer? dashboard = null;
        try
        {
            store = await OpenAsync(stoppingToken).ConfigureAwait(false);
            var reporter = new HeartbeatReporter(
                store.WorkerHeartbeats(), HeartbeatReporter.DefaultWorkerId(settings.Inbox), settings.HeartbeatInterval, time,
                loggers.CreateLogger<HeartbeatReporter>());
            activity.Attach(reporter);
            var beating = reporter.RunAsync(stoppingToken);

            if (!run.Once && settings.DashboardUrls is { } urls)
            {
                dashboard = await StartDashboardAsync(urls, store, settings.Funding, stoppingToken).ConfigureAwait(false);
            }

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

            // Returns once stopped, after the last beat (state stopped) is written.
            await beating.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The operators' side must never take the worker down: whatever ends it is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError("Heartbeat, dashboard and nightly job stopped: {Reason}", e.Message);
        }
        finally
        {
            if (dashboard is not null)
            {
                await dashboard.DisposeAsync().ConfigureAwait(false);
            }

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

    private async Task<DashboardServer?> StartDashboardAsync(string urls, Store store, FundingSettings funding, CancellationToken stoppingToken)
    {
        try
        {
            var server = await DashboardServer.StartAsync(urls, store, new DashboardOptions { InboxDepth = () => activity.Inbox, Funding = funding }, stoppingToken)
                .ConfigureAwait(false);
            foreach (var address in server.Addresses)
            {
                _logger.LogInformation("Dashboard on {Address}/", address);
            }

            return server;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The dashboard is for watching; a port in use must not keep the worker from its files.
            _logger.LogError("Dashboard not served: cannot listen on {Urls}: {Reason}", urls, e.Message);
            return null;
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
