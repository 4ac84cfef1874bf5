using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Ingestion.Worker;

/// <summary>
/// What this worker process is doing, in the one state model of the mailbox: the files of its inbox waiting, the file in
/// hand, the files answered and quarantined. <see cref="MailboxWorker"/> tells it each change and writes
/// <see cref="Current"/> to its row in worker_status before it takes a file and after it finished one; the
/// <see cref="HeartbeatReporter"/> writes the same row every interval beside that; the metrics read <see cref="Counts"/>.
/// So <c>wlz status</c>, the dashboard (both read the row) and the metrics say the same at the same moment.
/// </summary>
public sealed class WorkerActivity
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = NewSignal();
    private WorkerState _state = WorkerState.Starting;
    // The files in hand, oldest first: the worker stores up to Worker:FilesAtOnce at once. The row names the oldest.
    private readonly List<(string File, DateTimeOffset Since)> _inHand = [];
    private int? _inboxFiles;
    private long _answered;
    private long _quarantined;
    private string? _lastFile;
    private DateTimeOffset? _lastFileAt;
    private DateTimeOffset? _lastPassAt;
    private long _revision;

    /// <param name="inbox">The inbox the worker watches (made a full path).</param>
    /// <param name="interval">How often the row is written beside the changes (<c>Worker:HeartbeatSeconds</c>).</param>
    /// <param name="time">The clock of the process start and of the times of files.</param>
    public WorkerActivity(string inbox, TimeSpan interval, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inbox);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        _time = time ?? TimeProvider.System;
        Inbox = Path.GetFullPath(inbox);
        Interval = interval;
        StartedAt = _time.GetUtcNow();
        WorkerId = FormattableString.Invariant($"{Environment.MachineName}:{Environment.ProcessId}:{StartedAt:yyyyMMddTHHmmss.fff}");
    }

    /// <summary>Unique per process (machine, process id, start time to the millisecond): the row's key and the files' claimed_by.</summary>
    public string WorkerId { get; }

    public string Inbox { get; }

    public TimeSpan Interval { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Files waiting in the inbox (the one in hand not counted) when the worker last counted; null before it did.</summary>
    public int? Waiting
    {
        get
        {
            lock (_lock)
            {
                return WaitingNow();
            }
        }
    }

    /// <summary>When the worker last finished a pass through its inbox; null before the first.</summary>
    public DateTimeOffset? LastPassAt
    {
        get
        {
            lock (_lock)
            {
                return _lastPassAt;
            }
        }
    }

    /// <summary>Completes at the next change of state (a new task after each change).</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>The worker's row as it is now.</summary>
    public WorkerStatus Current()
    {
        lock (_lock)
        {
            (string File, DateTimeOffset Since)? oldest = _inHand.Count == 0 ? null : _inHand[0];
            return new WorkerStatus(
                WorkerId, Environment.MachineName, Environment.ProcessId, Inbox, StartedAt, Interval, _state, WaitingNow(), oldest?.File, oldest?.Since,
                _answered, _quarantined, _lastFile, _lastFileAt, _revision, [.. _inHand.Skip(1).Select(f => f.File)]);
        }
    }

    /// <summary>The mailbox as this worker sees it now, for the metrics.</summary>
    public MailboxCounts Counts()
    {
        lock (_lock)
        {
            return new MailboxCounts(WaitingNow(), _inHand.Count, _answered, _quarantined);
        }
    }

    /// <summary>The files the worker counted in its inbox, those it is about to take included.</summary>
    public void InboxDepth(int files) => Change(() => _inboxFiles = Math.Max(0, files));

    /// <summary>The worker took <paramref name="fileName"/> (a name, not a path): it is in hand, no longer waiting.</summary>
    public void Processing(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Change(() =>
        {
            if (_state != WorkerState.Stopping)
            {
                _state = WorkerState.Processing;
            }

            _inHand.Add((Path.GetFileName(fileName), _time.GetUtcNow()));
        });
    }

    /// <summary>
    /// The file <paramref name="fileName"/> in hand is done with this <paramref name="outcome"/>: answered, quarantined, or gone from the inbox; in each
    /// case it has left the inbox. A file another worker has (<see cref="FileOutcomeKind.Busy"/>) stays where it is.
    /// </summary>
    public void Finished(string fileName, FileOutcomeKind outcome) => Change(() =>
    {
        if (outcome != FileOutcomeKind.Busy)
        {
            _inboxFiles = _inboxFiles is { } n ? Math.Max(0, n - 1) : null;
        }

        switch (outcome)
        {
            case FileOutcomeKind.Processed or FileOutcomeKind.Rejected or FileOutcomeKind.Reused:
                _answered++;
                (_lastFile, _lastFileAt) = (Path.GetFileName(fileName), _time.GetUtcNow());
                break;
            case FileOutcomeKind.NotVektis:
                _quarantined++;
                (_lastFile, _lastFileAt) = (Path.GetFileName(fileName), _time.GetUtcNow());
                break;
        }

        LetGo(fileName);
    });

    /// <summary>The file in hand was set aside (moved to quarantine) because it could not be processed.</summary>
    public void SetAside(string fileName) => Finished(fileName, FileOutcomeKind.NotVektis);

    /// <summary><paramref name="fileName"/> is no longer in hand (it failed, or the worker stopped with it): it stays in the inbox.</summary>
    public void Released(string fileName) => Change(() => LetGo(fileName));

    /// <summary>A pass through the inbox is done; the worker waits for files.</summary>
    public void PassDone() => Change(() =>
    {
        _lastPassAt = _time.GetUtcNow();
        LetGo(null);
    });

    public void Stopping() => Change(() =>
    {
        _state = WorkerState.Stopping;
        _inHand.Clear();
    });

    public void Stopped() => Change(() =>
    {
        _state = WorkerState.Stopped;
        _inHand.Clear();
    });

    /// <summary><paramref name="fileName"/> out of hand (null: every file); idle when none is left in hand.</summary>
    private void LetGo(string? fileName)
    {
        if (fileName is null)
        {
            _inHand.Clear();
        }
        else
        {
            var name = Path.GetFileName(fileName);
            var at = _inHand.FindIndex(f => f.File == name);
            if (at >= 0)
            {
                _inHand.RemoveAt(at);
            }
        }

        if (_inHand.Count == 0 && _state != WorkerState.Stopping && _state != WorkerState.Stopped)
        {
            _state = WorkerState.Idle;
        }
    }

    private int? WaitingNow() => _inboxFiles is { } n ? Math.Max(0, n - _inHand.Count) : null;

    private void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            change();
            _revision++;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
