namespace WlzMessaging.Storage.Workers;

/// <summary>What a worker is doing, as <c>worker_status.state</c> holds it.</summary>
public enum WorkerState
{
    /// <summary>Up and preparing (database, migrations).</summary>
    Starting,

    /// <summary>Waiting for files.</summary>
    Idle,

    /// <summary>Working on <see cref="WorkerStatus.CurrentFile"/>.</summary>
    Processing,

    /// <summary>Shutting down gracefully.</summary>
    Stopping,

    /// <summary>Shut down gracefully.</summary>
    Stopped,
}

/// <summary>
/// A worker process's row in <c>worker_status</c> (migration 0025): who it is, what it does now and what it did. The worker
/// writes it (<see cref="WorkerStatusStore.WriteAsync"/>, the database's clock as <see cref="SeenAt"/>); <c>wlz status</c>
/// and the dashboard read it back (<see cref="WorkerStatusStore.ReadAsync"/>, with <see cref="SeenAt"/> and
/// <see cref="SinceSeen"/> filled in). A file in the mailbox is waiting (<see cref="Waiting"/>), in hand
/// (<see cref="CurrentFile"/>), answered or quarantined (<see cref="FilesAnswered"/>, <see cref="FilesQuarantined"/>).
/// </summary>
/// <param name="WorkerId">Unique per process (host:pid:start time); also the files' claimed_by.</param>
/// <param name="Host">The machine name.</param>
/// <param name="Pid">The process id.</param>
/// <param name="Inbox">The inbox directory it watches (a full path); null for a row migrated without one.</param>
/// <param name="StartedAt">When the process started.</param>
/// <param name="Interval">How often the worker writes its row; a row older than twice this means the worker is not running.</param>
/// <param name="State">What it does now.</param>
/// <param name="Waiting">Files in the inbox waiting to be taken, the one in hand not counted; null before it counted.</param>
/// <param name="CurrentFile">The name of the file in hand (not a path, never content); null when none.</param>
/// <param name="CurrentSince">When it took <paramref name="CurrentFile"/>.</param>
/// <param name="FilesAnswered">Files this process answered (an AW320 written, or given again).</param>
/// <param name="FilesQuarantined">Files this process moved to quarantine.</param>
/// <param name="LastFile">The last file it finished.</param>
/// <param name="LastFileAt">When it finished <paramref name="LastFile"/>.</param>
/// <param name="Revision">Grows with every change of state; an older revision never overwrites a newer one.</param>
/// <param name="AlsoInHand">The other files in hand beside <paramref name="CurrentFile"/> (the oldest), in the order taken.</param>
public sealed record WorkerStatus(
    string WorkerId,
    string Host,
    int Pid,
    string? Inbox,
    DateTimeOffset StartedAt,
    TimeSpan Interval,
    WorkerState State,
    int? Waiting = null,
    string? CurrentFile = null,
    DateTimeOffset? CurrentSince = null,
    long FilesAnswered = 0,
    long FilesQuarantined = 0,
    string? LastFile = null,
    DateTimeOffset? LastFileAt = null,
    long Revision = 0,
    IReadOnlyList<string>? AlsoInHand = null)
{
    /// <summary>When the row was last written, by the database's clock; set when read back.</summary>
    public DateTimeOffset SeenAt { get; init; }

    /// <summary>How long ago that was, by the database's clock; set when read back.</summary>
    public TimeSpan SinceSeen { get; init; }

    /// <summary>Its last write is older than twice its interval: killed, hung or its host is down, whatever the state says.</summary>
    public bool Stale => SinceSeen > 2 * Interval;

    /// <summary>Running: not stopped and not stale.</summary>
    public bool Running => State != WorkerState.Stopped && !Stale;

    /// <summary>A running worker with a file in hand.</summary>
    public bool HasFileInHand => Running && State == WorkerState.Processing && CurrentFile is not null;

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
