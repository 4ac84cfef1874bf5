namespace WlzMessaging.Funding;

/// <summary>
/// The result of one run for one provider: its items, the production figures behind them, the payment and the recoveries
/// carried forward. A draft until an operator approves it; then its items are the history of later runs.
/// </summary>
public sealed record ProviderRun
{
    public required string Agb { get; init; }

    public required DateOnly RunDate { get; init; }

    /// <summary>Payable items (by year, then kind) followed by the invordering items that offset open recoveries.</summary>
    public required IReadOnlyList<FundingItem> Items { get; init; }

    /// <summary>The figures of every year with a production item in this run, oldest first.</summary>
    public required IReadOnlyList<ProductionFigures> Production { get; init; }

    /// <summary>Recoveries open before this run: kept so a review can settle the run again after an adjustment.</summary>
    public required IReadOnlyList<RecoveryBalance> RecoveriesOpenBefore { get; init; }

    public required IReadOnlyList<RecoveryBalance> RecoveriesCarriedForward { get; init; }

    /// <summary>What the CAK pays the provider: the sum of all items, never below zero.</summary>
    public required long PaymentCents { get; init; }

    /// <summary>The sum of the items before recoveries are offset; negative when this run opens a recovery.</summary>
    public long PayableCents => Items.Where(i => i.Kind != ItemKind.Invordering).Sum(i => i.AmountCents);

    public long RecoveryCarriedForwardCents => RecoveriesCarriedForward.Sum(r => r.AmountCents);

    /// <summary>The sum of the items of this kind and year, corrections of that kind included.</summary>
    public long AmountOf(ItemKind kind, int year) =>
        Items.Where(i => i.Year == year && i.CountsAs(kind)).Sum(i => i.AmountCents);

    public ProductionFigures? ProductionOf(int year) => Production.FirstOrDefault(f => f.Year == year);

    /// <summary>The items as history rows, for storage and for the next run.</summary>
    public IEnumerable<PaidItem> ToPaidItems() =>
        Items.Select(i => new PaidItem(Agb, RunDate, i.Kind, i.Year, i.AmountCents, i.Adjusts));
}
