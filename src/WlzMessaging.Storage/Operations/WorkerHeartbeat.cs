namespace WlzMessaging.Storage.Operations;

/// <summary>What a worker is doing, as <c>worker_heartbeat.state</c> holds it.</summary>
public enum WorkerState
{
    /// <summary>Up and preparing (migrations, reference snapshot).</summary>
    Starting,

    /// <summary>Waiting for files.</summary>
    Idle,

    /// <summary>Working on <see cref="WorkerHeartbeat.CurrentFile"/>.</summary>
    Processing,

    /// <summary>Shutting down gracefully.</summary>
    Stopping,

    /// <summary>Shut down gracefully.</summary>
    Stopped,
}

/// <summary>
/// One beat of a worker process: who it is and what it does now. <see cref="WorkerHeartbeatStore.BeatAsync"/> writes it
/// with the database's clock as <c>seen_at</c>, so workers on hosts whose clocks differ are judged by one clock.
/// </summary>
/// <param name="WorkerId">Stable for one worker: a restart of the same worker overwrites its row (e.g. host and inbox).</param>
/// <param name="Host">The machine name.</param>
/// <param name="Pid">The process id.</param>
/// <param name="StartedAt">When the process started.</param>
/// <param name="Interval">How often the worker beats; a beat older than twice this means the worker is not running.</param>
/// <param name="State">What it does now.</param>
/// <param name="Inbox">Files waiting in the inbox when it last looked; null when not counted.</param>
/// <param name="CurrentFile">The name of the file in hand (not a path, never content); null when none.</param>
public sealed record WorkerHeartbeat(
    string WorkerId,
    string Host,
    int Pid,
    DateTimeOffset StartedAt,
    TimeSpan Interval,
    WorkerState State,
    int? Inbox = null,
    string? CurrentFile = null)
{
    internal static string StateText(WorkerState state) => state switch
    {
        WorkerState.Starting => "starting",
        WorkerState.Idle => "idle",
        WorkerState.Processing => "processing",
        WorkerState.Stopping => "stopping",
        WorkerState.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a worker state"),
    };

    internal static WorkerState ParseState(string text) => text switch
    {
        "starting" => WorkerState.Starting,
        "idle" => WorkerState.Idle,
        "processing" => WorkerState.Processing,
        "stopping" => WorkerState.Stopping,
        "stopped" => WorkerState.Stopped,
        _ => throw new FormatException($"'{text}' is not a worker state"),
    };
}

/// <summary>A worker's last beat as read back, judged by the database's clock.</summary>
public sealed record WorkerStatus(
    string WorkerId,
    string Host,
    int Pid,
    DateTimeOffset StartedAt,
    DateTimeOffset SeenAt,
    TimeSpan Interval,
    WorkerState State,
    int? Inbox,
    string? CurrentFile,
    TimeSpan SinceSeen)
{
    /// <summary>Its last beat is older than twice its interval: killed, hung or its host is down, whatever the state says.</summary>
    public bool Stale => SinceSeen > 2 * Interval;

    /// <summary>Running: not stopped and not stale.</summary>
    public bool Running => State != WorkerState.Stopped && !Stale;
}
