using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Operations.Status;

/// <summary>What <c>wlz status</c> shows (and writes as JSON with <c>--format json</c>). Times are Amsterdam times.</summary>
public sealed record StatusSnapshot(
    DateTimeOffset Now,
    DatabaseLine Database,
    bool WorkerRunning,
    int? InboxDepth,
    IReadOnlyList<WorkerLine> Workers,
    IReadOnlyList<InHandLine> InHand,
    long FilesAnswered,
    long FilesQuarantined,
    LastAnswerLine? LastAnswer,
    NightlyLine? LastNightly);

public sealed record DatabaseLine(bool Reachable, string Where, string ServerVersion);

/// <summary>
/// A worker as its row in worker_status shows it: running when not stopped and seen within twice its interval;
/// <see cref="Waiting"/> files in its inbox not yet taken, <see cref="CurrentFile"/> in hand.
/// </summary>
public sealed record WorkerLine(
    string WorkerId, string Host, int Pid, string State, bool Running, bool Stale, DateTimeOffset StartedAt, DateTimeOffset SeenAt,
    double SecondsSinceSeen, int IntervalSeconds, int? Waiting, string? CurrentFile, long FilesAnswered, long FilesQuarantined,
    string? LastFile);

/// <param name="InputName">The input this AW320 answers (two inputs never share an answer's name, issue 15).</param>
public sealed record LastAnswerLine(long FileId, string Aw320Name, DateTimeOffset WrittenAt, string? Agb, string Status, long Lines, DateOnly ReceivedOn, string? InputName = null);

/// <summary>
/// The last nightly run; its report without personal data (see NightlyReportView): as stored (<see cref="Report"/>, for
/// programs) and as an operator reads it (<see cref="Figures"/>: labelled figures, amounts in euros).
/// </summary>
public sealed record NightlyLine(DateOnly Date, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool Finished, JsonNode? Report)
{
    public IReadOnlyList<NightlyFigure> Figures { get; init; } = [];
}
