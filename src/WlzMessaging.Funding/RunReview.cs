namespace WlzMessaging.Funding;

/// <summary>The operator's review of a draft run.</summary>
public static class RunReview
{
    /// <summary>
    /// Sets one item to the operator's amount: the difference to the computed amount becomes a correctie item of that kind and
    /// year (one per kind and year; adjusting again replaces it), and the recoveries are offset again against the new total.
    /// The adjustment is a one-off: the next run computes from what this run actually paid, so an amount held back here comes
    /// back unless it is held back again.
    /// </summary>
    public static ProviderRun Adjust(ProviderRun run, OperatorAdjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(adjustment);
        if (string.IsNullOrWhiteSpace(adjustment.Reason))
        {
            throw new ArgumentException("An adjustment needs a reason.", nameof(adjustment));
        }

        var (kind, year) = (adjustment.Adjusts, adjustment.Year);
        var computed = run.Items
            .Where(i => i.Kind == kind && i.Year == year)
            .Sum(i => i.AmountCents);

        // FundingItem refuses a correctie of an invordering or of a correctie: an offset follows from the total, never by hand.
        var correction = new FundingItem(ItemKind.Correctie, year, adjustment.NewAmountCents - computed, kind);

        var payable = run.Items
            .Where(i => i.Kind != ItemKind.Invordering && !(i.Kind == ItemKind.Correctie && i.Adjusts == kind && i.Year == year))
            .ToList();
        if (correction.AmountCents != 0)
        {
            payable.Add(correction);
        }

        var ordered = payable.OrderBy(i => i.Year).ThenBy(i => i.Kind).ThenBy(i => i.Adjusts).ToArray();
        var settlement = PaymentSettlement.Settle(ordered, run.RecoveriesOpenBefore);
        return run with
        {
            Items = [.. ordered, .. settlement.Offsets],
            PaymentCents = settlement.PaymentCents,
            RecoveriesCarriedForward = settlement.CarriedForward,
        };
    }
}
