using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Ingestion.Monitoring;

/// <summary>
/// Keeps a worker's row in <c>worker_status</c> fresh beside the worker's own writes: run <see cref="RunAsync"/> on a
/// connection of its own, and it writes the <see cref="WorkerActivity"/>'s <see cref="WorkerActivity.Current"/> every
/// interval, and soon (at most once a second) after a change, so a worker busy with a million-line file still shows as
/// running. When stopped it writes the row as <c>stopped</c>. A write that fails (database down) is logged once, and once
/// again when writes work again; in between only at Debug: a heartbeat never stops the worker and never floods the log.
/// </summary>
public sealed class HeartbeatReporter
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);

    private readonly WorkerStatusStore _store;
    private readonly WorkerActivity _activity;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private bool _failing;

    public HeartbeatReporter(WorkerStatusStore store, WorkerActivity activity, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(activity);
        _store = store;
        _activity = activity;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Writes until <paramref name="stoppingToken"/> is cancelled, then writes the row as stopped.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = _activity.Changed;
            await WriteAsync(_activity.Current(), stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(MinimumGap, _time, stoppingToken).ConfigureAwait(false);

                // Until the interval is up or the state changes, whichever comes first.
                await Task.WhenAny(changed, Task.Delay(_activity.Interval - MinimumGap, _time, stoppingToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        _activity.Stopped();
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await WriteAsync(_activity.Current(), last.Token).ConfigureAwait(false);
    }

    private async Task WriteAsync(WorkerStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await _store.WriteAsync(status, cancellationToken).ConfigureAwait(false);
            if (_failing)
            {
                _failing = false;
                _logger.LogInformation("Heartbeat of worker {WorkerId} written again", status.WorkerId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A heartbeat must never take the worker down: every failure is logged and retried.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Once per outage: the worker's own log says when the database went and came back; a warning every beat is noise.
            if (_failing)
            {
                _logger.LogDebug("Heartbeat of worker {WorkerId} still not written: {Reason}", status.WorkerId, e.Message);
            }
            else
            {
                _failing = true;
                _logger.LogWarning("Heartbeat of worker {WorkerId} not written: {Reason}; retried every {Seconds} s", status.WorkerId, e.Message, _activity.Interval.TotalSeconds);
            }
        }
    }
}
