namespace WlzMessaging.Funding;

/// <summary>Builds the year statement of a provider from its approved runs.</summary>
public static class YearStatements
{
    /// <summary>
    /// The statement of <paramref name="year"/> from the runs of one provider (approved, after review). Runs after the final
    /// run have no items of the year; they only move its open recovery.
    /// </summary>
    public static YearStatement Build(int year, IEnumerable<ProviderRun> runsOfProvider) =>
        Build(FundingSettings.Default.ProtocolFor(year), runsOfProvider);

    /// <summary>The statement of the protocol's year, whose final run the protocol names.</summary>
    public static YearStatement Build(AdvanceProtocol protocol, IEnumerable<ProviderRun> runsOfProvider)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var year = protocol.Year;
        var runs = runsOfProvider.OrderBy(r => r.RunDate).ToArray();
        if (runs.Length == 0)
        {
            throw new ArgumentException("A year statement needs at least one run.", nameof(runsOfProvider));
        }

        var agb = runs[0].Agb;
        if (runs.Any(r => r.Agb != agb))
        {
            throw new ArgumentException("A year statement covers the runs of one provider.", nameof(runsOfProvider));
        }

        var items = runs.SelectMany(r => r.Items).Where(i => i.Year == year).ToArray();
        var finalRunDate = protocol.FinalRun;
        var finalRun = runs.FirstOrDefault(r => r.RunDate == finalRunDate);
        var (figuresRun, figures) = runs
            .Where(r => r.RunDate <= finalRunDate)
            .Select(r => (Run: r, Figures: r.ProductionOf(year)))
            .LastOrDefault(x => x.Figures is not null);

        var werkvoorschotPaid = Sum(items, ItemKind.Werkvoorschot);
        var werkvoorschotSettled = -Sum(items, ItemKind.VerrekeningWerkvoorschot);
        var productionItems = items.Where(i => i.Kind == ItemKind.Productie).Sum(i => i.AmountCents);
        var productionCorrections = items
            .Where(i => i.Kind == ItemKind.Correctie && i.Adjusts == ItemKind.Productie)
            .Sum(i => i.AmountCents);
        var due = figures?.DueCents ?? 0;

        return new YearStatement
        {
            Agb = agb,
            Year = year,
            IsFinal = finalRun is not null,
            FinalRun = finalRunDate,
            FiguresOfRun = figuresRun?.RunDate,
            JaarafspraakCents = figures?.JaarafspraakCents ?? 0,
            NonExemptProductionCents = figures?.NonExempt.TotalCents ?? 0,
            CapCents = figures?.CapCents ?? 0,
            ExemptProductionCents = figures?.Exempt.TotalCents ?? 0,
            DueCents = due,
            WerkvoorschotPaidCents = werkvoorschotPaid,
            WerkvoorschotSettledCents = werkvoorschotSettled,
            ProductionItemsCents = productionItems,
            ProductionCorrectionsCents = productionCorrections,
            FinalDifferenceCents = finalRun?.Items
                .Where(i => i.Year == year && i.Kind != ItemKind.Invordering)
                .Sum(i => i.AmountCents),
            OutstandingCents = due - (werkvoorschotPaid - werkvoorschotSettled + productionItems + productionCorrections),
            OpenRecoveryCents = runs[^1].RecoveriesCarriedForward.Where(r => r.Year == year).Sum(r => r.AmountCents),
        };
    }

    private static long Sum(IEnumerable<FundingItem> items, ItemKind kind) =>
        items.Where(i => i.CountsAs(kind)).Sum(i => i.AmountCents);
}
