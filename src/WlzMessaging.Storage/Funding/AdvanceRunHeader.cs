using WlzMessaging.Funding;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// One row of advance_run with the protocols the run recorded (advance_run_protocol): what the workflow decides on before it
/// reads or writes a run's parts.
/// </summary>
internal sealed record AdvanceRunHeader(
    DateOnly RunDate,
    AdvanceRunStatus Status,
    DateTimeOffset ComputedAt,
    DateOnly? HistoryThrough,
    int[] UnknownAgbs,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    ProtocolUse[] Protocols);
