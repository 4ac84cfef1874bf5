using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Ingestion.Worker;

/// <summary>
/// What the worker is doing, told by <see cref="MailboxWorker"/> and passed on to the <see cref="HeartbeatReporter"/> once
/// the operator side has one (it needs the database first): the reporter then starts from the worker's current state.
/// The inbox depth is also read by the metrics' gauge and the dashboard.
/// </summary>
public sealed class WorkerActivity
{
    private readonly Lock _lock = new();
    private HeartbeatReporter? _reporter;
    private WorkerState _state = WorkerState.Starting;
    private string? _file;
    private int? _inbox;

    /// <summary>Files waiting in the inbox when the worker last counted; null before it did.</summary>
    public int? Inbox
    {
        get
        {
            lock (_lock)
            {
                return _inbox;
            }
        }
    }

    public void Attach(HeartbeatReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        lock (_lock)
        {
            _reporter = reporter;
            reporter.Inbox(_inbox);
            Tell(reporter);
        }
    }

    public void Processing(string fileName)
    {
        lock (_lock)
        {
            if (_state != WorkerState.Stopping)
            {
                (_state, _file) = (WorkerState.Processing, fileName);
                Tell(_reporter);
            }
        }
    }

    /// <summary>Waiting for files (after the worker is connected; until then the reporter says <c>starting</c>).</summary>
    public void Idle()
    {
        lock (_lock)
        {
            if (_state != WorkerState.Stopping)
            {
                (_state, _file) = (WorkerState.Idle, null);
                Tell(_reporter);
            }
        }
    }

    public void Stopping()
    {
        lock (_lock)
        {
            (_state, _file) = (WorkerState.Stopping, null);
            Tell(_reporter);
        }
    }

    public void InboxDepth(int depth)
    {
        lock (_lock)
        {
            _inbox = Math.Max(0, depth);
            _reporter?.Inbox(_inbox);
        }
    }

    private void Tell(HeartbeatReporter? reporter)
    {
        switch (_state)
        {
            case WorkerState.Processing:
                reporter?.Processing(_file!);
                break;
            case WorkerState.Idle:
                reporter?.Idle();
                break;
            case WorkerState.Stopping:
                reporter?.Stopping();
                break;
        }
    }
}
