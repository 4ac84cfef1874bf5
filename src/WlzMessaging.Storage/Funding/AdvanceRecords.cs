using WlzMessaging.Funding;

namespace WlzMessaging.Storage.Funding;

/// <summary>A run is a draft until an operator approves it; an approved run never changes.</summary>
public enum AdvanceRunStatus
{
    Draft,
    Approved,
}

/// <summary>
/// A run as stored: the computed (and reviewed) run of every provider, and its status. <see cref="HistoryThrough"/> is the
/// latest approved run the computation counted as history.
/// </summary>
public sealed record StoredAdvanceRun
{
    public required FundingRun Run { get; init; }

    public required AdvanceRunStatus Status { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }

    public required DateOnly? HistoryThrough { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>MNDP rows submitted before the run date that did not count, with the reason.</summary>
    public required IReadOnlyList<RejectedMndpRow> RejectedMndp { get; init; }

    public DateOnly RunDate => Run.RunDate;

    public bool IsApproved => Status == AdvanceRunStatus.Approved;
}

/// <summary>
/// What computing a draft did: the stored draft, how many adjustments of the draft it replaced no longer apply, and the
/// earlier runs that are still drafts (their items are not history yet, so this run did not count them).
/// </summary>
public sealed record AdvanceRunComputation(
    StoredAdvanceRun Run,
    bool ReplacedDraft,
    int SupersededAdjustments,
    IReadOnlyList<DateOnly> EarlierDrafts);

/// <summary>
/// An operator's request to set one item of a provider's draft to another amount. Without <see cref="Kind"/> and
/// <see cref="Year"/> the item is the provider's only adjustable item (werkvoorschot, productie or
/// verrekening-werkvoorschot of one year); with several, the request must name one.
/// </summary>
public sealed record AdjustmentRequest
{
    public required DateOnly RunDate { get; init; }

    public required string Agb { get; init; }

    public ItemKind? Kind { get; init; }

    public int? Year { get; init; }

    public required long NewAmountCents { get; init; }

    public required string Reason { get; init; }

    public required string AdjustedBy { get; init; }
}

/// <summary>
/// A recorded adjustment: who set which item of which run to what, when and why. <see cref="OldCents"/> is the item's amount
/// before this adjustment (the computed amount, or an earlier adjustment's), <see cref="ComputedCents"/> the calculator's.
/// <see cref="SupersededAt"/> is set when the draft was computed again or discarded: the adjustment no longer applies.
/// </summary>
public sealed record AdvanceAdjustment
{
    public required long Id { get; init; }

    public required DateOnly RunDate { get; init; }

    public required string Agb { get; init; }

    public required ItemKind Kind { get; init; }

    public required int Year { get; init; }

    public required long ComputedCents { get; init; }

    public required long OldCents { get; init; }

    public required long NewCents { get; init; }

    public required string Reason { get; init; }

    public required string AdjustedBy { get; init; }

    public required DateTimeOffset AdjustedAt { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }
}

/// <summary>The recorded adjustment and the provider's run before and after it.</summary>
public sealed record AdjustmentResult(AdvanceAdjustment Adjustment, ProviderRun Before, ProviderRun After);

/// <summary>One payment of a payment order: what the CAK pays a provider for a run.</summary>
public sealed record PaymentOrderLine(string Agb, long AmountCents, string Period, string Description);

/// <summary>
/// The payment order of an approved run for the CAK: one line per provider paid, and the file written
/// (<see cref="PaymentOrderCsv"/>).
/// </summary>
public sealed record PaymentOrder
{
    public required DateOnly RunDate { get; init; }

    public required IReadOnlyList<PaymentOrderLine> Lines { get; init; }

    public required string FileName { get; init; }

    public required byte[] Content { get; init; }

    /// <summary>Where the file was written: the full path.</summary>
    public required string Path { get; init; }

    public long TotalCents => Lines.Sum(l => l.AmountCents);
}

/// <summary>What approving a run did: the run as approved and the payment order written.</summary>
public sealed record ApprovalResult(StoredAdvanceRun Run, PaymentOrder PaymentOrder);
