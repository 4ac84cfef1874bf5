using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Ingestion.Monitoring;

/// <summary>
/// Keeps a worker's row in <c>worker_heartbeat</c> current: run <see cref="RunAsync"/> beside the worker's loop, and tell
/// it what the worker does (<see cref="Processing"/>, <see cref="Idle"/>, <see cref="Inbox"/>). It beats every interval,
/// and at once (at most once a second) when the state changes; when stopped it writes its last beat as <c>stopped</c>. A
/// beat that fails (database down) is logged and tried again at the next one: a heartbeat never stops the worker.
/// </summary>
public sealed class HeartbeatReporter
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);

    private readonly WorkerHeartbeatStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();
    private WorkerState _state = WorkerState.Starting;
    private string? _currentFile;
    private int? _inbox;
    private bool _failing;

    public HeartbeatReporter(WorkerHeartbeatStore store, string workerId, TimeSpan interval, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        _store = store;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        WorkerId = workerId;
        Interval = interval;
        StartedAt = _time.GetUtcNow();
    }

    public string WorkerId { get; }

    public TimeSpan Interval { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>A worker id that stays the same across restarts of the worker on this machine for this inbox.</summary>
    public static string DefaultWorkerId(string inbox) => $"{Environment.MachineName}:{Path.GetFullPath(inbox)}";

    /// <summary>The worker took a file (its name, not a path).</summary>
    public void Processing(string fileName) => Set(WorkerState.Processing, Path.GetFileName(fileName));

    /// <summary>The worker waits for files.</summary>
    public void Idle() => Set(WorkerState.Idle, null);

    /// <summary>The worker is shutting down; <see cref="RunAsync"/> writes <c>stopped</c> when it is cancelled.</summary>
    public void Stopping() => Set(WorkerState.Stopping, null);

    /// <summary>The number of files waiting in the inbox, when the worker counted them.</summary>
    public void Inbox(int? depth)
    {
        lock (_lock)
        {
            _inbox = depth;
        }
    }

    /// <summary>The beat as it would be written now.</summary>
    public WorkerHeartbeat Current()
    {
        lock (_lock)
        {
            return new WorkerHeartbeat(WorkerId, Environment.MachineName, Environment.ProcessId, StartedAt, Interval, _state, _inbox, _currentFile);
        }
    }

    /// <summary>Beats until <paramref name="stoppingToken"/> is cancelled, then writes the last beat as stopped.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await BeatAsync(Current(), stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(MinimumGap, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            // Until the interval is up or the state changes, whichever comes first.
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            var wait = Task.Delay(Interval - MinimumGap, _time, stoppingToken);
            await Task.WhenAny(changed, wait).ConfigureAwait(false);
            lock (_lock)
            {
                if (_changed.Task.IsCompleted)
                {
                    _changed = NewSignal();
                }
            }
        }

        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await BeatAsync(Current() with { State = WorkerState.Stopped, CurrentFile = null }, last.Token).ConfigureAwait(false);
    }

    private void Set(WorkerState state, string? file)
    {
        lock (_lock)
        {
            if (_state == state && _currentFile == file)
            {
                return;
            }

            _state = state;
            _currentFile = file;
            _changed.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task BeatAsync(WorkerHeartbeat beat, CancellationToken cancellationToken)
    {
        try
        {
            await _store.BeatAsync(beat, cancellationToken).ConfigureAwait(false);
            if (_failing)
            {
                _failing = false;
                _logger.LogInformation("Heartbeat of worker {WorkerId} written again", WorkerId);
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
                _logger.LogDebug("Heartbeat of worker {WorkerId} still not written: {Reason}", WorkerId, e.Message);
            }
            else
            {
                _failing = true;
                _logger.LogWarning("Heartbeat of worker {WorkerId} not written: {Reason}; tried again every beat, logged again when written", WorkerId, e.Message);
            }
        }
    }
}
