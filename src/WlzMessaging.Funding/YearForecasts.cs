namespace WlzMessaging.Funding;

/// <summary>
/// Forecasts a year for every provider by running the same calculator over the runs still to come, with the production
/// the provider is expected to send (specs/funding.md, "Forecast"): nothing is computed twice, so the cap, the exempt
/// prestaties, the settlement and the final run work exactly as in a real run.
/// </summary>
public static class YearForecasts
{
    /// <summary>The whole months of receipts the pace is measured over.</summary>
    public const int PaceMonths = 3;

    /// <param name="year">The declaration year.</param>
    /// <param name="from">The first run still to come (the first of a month).</param>
    /// <param name="inputs">The inputs of a run on <paramref name="from"/>: what was received before it and the approved history.</param>
    public static IReadOnlyList<ProviderForecast> Forecast(int year, DateOnly from, FundingInputs inputs, FundingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        FundingCalendar.RequireRunDate(from, nameof(from));
        var protocol = settings.ProtocolFor(year);
        var calculator = new FundingCalculator(settings);

        var paces = inputs.Providers.ToDictionary(p => p.Agb, p => Pace(year, from, p.Agb, inputs.Production), StringComparer.Ordinal);
        var projected = inputs.Providers
            .SelectMany(p => ProjectedReceipts(protocol, from, p.Agb, paces[p.Agb]))
            .ToArray();

        // The runs to come, each approved as computed: its items are the history of the next.
        var history = inputs.History.Where(i => i.RunDate < from).ToList();
        var paidSoFar = history.Where(i => i.Year == year).ToLookup(i => i.Agb, StringComparer.Ordinal);
        var runs = new List<FundingRun>();
        for (var runDate = from; runDate <= protocol.FinalRun; runDate = runDate.AddMonths(1))
        {
            var run = calculator.Calculate(runDate, inputs with { Production = [.. inputs.Production, .. projected], History = [.. history] });
            runs.Add(run);
            history.AddRange(run.Providers.SelectMany(p => p.Items.Select(i => new PaidItem(p.Agb, runDate, i.Kind, i.Year, i.AmountCents, i.Adjusts))));
        }

        var settlementStart = protocol.SettlementRuns.Count > 0 ? protocol.SettlementRuns[0] : protocol.FinalRun;
        return inputs.Providers
            .OrderBy(p => p.Agb, StringComparer.Ordinal)
            .Select(provider =>
            {
                var perRun = runs
                    .Select(r => (r.RunDate, ItemsCents: r.For(provider.Agb).Items.Where(i => i.Year == year && i.Kind != ItemKind.Invordering).Sum(i => i.AmountCents)))
                    .ToArray();
                return new ProviderForecast
                {
                    Agb = provider.Agb,
                    Year = year,
                    From = from,
                    PaceNonExemptCents = paces[provider.Agb].NonExempt,
                    PaceExemptCents = paces[provider.Agb].Exempt,
                    PaidSoFarCents = paidSoFar[provider.Agb].Where(i => i.Kind != ItemKind.Invordering).Sum(i => i.AmountCents),
                    AdvancesToComeCents = perRun.Where(r => r.RunDate < settlementStart).Sum(r => r.ItemsCents),
                    YearEndResultCents = perRun.Where(r => r.RunDate >= settlementStart).Sum(r => r.ItemsCents),
                    Final = runs.Count > 0 && runs[^1].RunDate == protocol.FinalRun ? runs[^1].For(provider.Agb).ProductionOf(year) : null,
                    Runs = perRun,
                };
            })
            .ToArray();
    }

    /// <summary>
    /// The pace of a provider: the production of the year it sent in the <see cref="PaceMonths"/> whole months before the
    /// forecast (by day of receipt, credits included), divided by <see cref="PaceMonths"/> and rounded once to whole cents.
    /// </summary>
    public static (long NonExempt, long Exempt) Pace(int year, DateOnly from, string agb, IEnumerable<ReceivedProduction> production)
    {
        var since = from.AddMonths(-PaceMonths);
        var recent = production.Where(p => p.Agb == agb && p.Year == year && p.ReceivedOn >= since && p.ReceivedOn < from).ToArray();
        return (CentsArithmetic.DivideRounded(recent.Sum(p => p.NonExemptCents), PaceMonths),
                CentsArithmetic.DivideRounded(recent.Sum(p => p.ExemptCents), PaceMonths));
    }

    /// <summary>
    /// A month's pace received on the first of every month from the forecast on, while the year is open (up to its cutoff):
    /// the run of the next month counts it, as it counts what arrives during a month.
    /// </summary>
    private static IEnumerable<ReceivedProduction> ProjectedReceipts(AdvanceProtocol protocol, DateOnly from, string agb, (long NonExempt, long Exempt) pace)
    {
        if (pace is (0, 0))
        {
            yield break;
        }

        for (var received = from; received <= protocol.Cutoff.Date; received = received.AddMonths(1))
        {
            yield return new ReceivedProduction(agb, protocol.Year, received, pace.NonExempt, pace.Exempt);
        }
    }
}
