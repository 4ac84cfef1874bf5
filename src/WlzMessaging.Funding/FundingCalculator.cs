using WlzMessaging.Reference;

namespace WlzMessaging.Funding;

/// <summary>
/// Computes a run: for every provider the werkvoorschot, production, settlement and recovery items of the run date, from
/// in-memory inputs only. Pure and deterministic: no clock, no I/O; the same inputs give the same run.
/// </summary>
public sealed class FundingCalculator
{
    private readonly FundingSettings _settings;

    public FundingCalculator()
        : this(FundingSettings.Default)
    {
    }

    public FundingCalculator(FundingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    public FundingRun Calculate(DateOnly runDate, FundingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        FundingCalendar.RequireRunDate(runDate, nameof(runDate));

        var providers = inputs.Providers
            .GroupBy(p => p.Agb, StringComparer.Ordinal)
            .Select(g => g.Count() == 1
                ? g.Single()
                : throw new ArgumentException($"Provider {g.Key} is listed more than once.", nameof(inputs)))
            .OrderBy(p => p.Agb, StringComparer.Ordinal)
            .ToArray();

        var jaarafspraken = new JaarafspraakIndex(inputs.Jaarafspraken);
        var production = inputs.Production.ToLookup(p => p.Agb, StringComparer.Ordinal);
        var mndp = inputs.Mndp.ToLookup(m => m.Agb, StringComparer.Ordinal);
        var corrections = inputs.TariffCorrections.ToLookup(c => c.Agb, StringComparer.Ordinal);
        var invorderingen = inputs.Invorderingen.ToLookup(i => i.Agb, StringComparer.Ordinal);

        // Only approved runs before this one count: a draft of this very run date, computed again, must not count itself.
        var history = inputs.History.Where(i => i.RunDate < runDate).ToLookup(i => i.Agb, StringComparer.Ordinal);

        var runs = providers
            .Select(provider => CalculateProvider(
                runDate,
                provider,
                jaarafspraken,
                production[provider.Agb],
                mndp[provider.Agb],
                corrections[provider.Agb],
                invorderingen[provider.Agb],
                history[provider.Agb].ToArray()))
            .ToArray();

        var known = providers.Select(p => p.Agb).ToHashSet(StringComparer.Ordinal);
        var unknown = jaarafspraken.Agbs
            .Concat(production.Select(g => g.Key))
            .Concat(mndp.Select(g => g.Key))
            .Concat(corrections.Select(g => g.Key))
            .Concat(invorderingen.Select(g => g.Key))
            .Concat(history.Select(g => g.Key))
            .Where(agb => !known.Contains(agb))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        return new FundingRun(runDate, runs, unknown)
        {
            Protocols = [ProtocolUse.Of(_settings.ProtocolFor(runDate.Year - 1)), ProtocolUse.Of(_settings.ProtocolFor(runDate.Year))],
        };
    }

    /// <summary>
    /// The production of <paramref name="year"/> each provider has counted before <paramref name="before"/> (any day, not
    /// only a run date): what a run on that day counts as Pc and Px, with the same rules (<see cref="Counted"/>). The feedback
    /// page and the report read their production here, so they agree with the runs to the cent.
    /// </summary>
    public IReadOnlyList<CountedProduction> Production(int year, DateOnly before, FundingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var protocol = _settings.ProtocolFor(year);
        var production = inputs.Production.ToLookup(p => p.Agb, StringComparer.Ordinal);
        var mndp = inputs.Mndp.ToLookup(m => m.Agb, StringComparer.Ordinal);
        var corrections = inputs.TariffCorrections.ToLookup(c => c.Agb, StringComparer.Ordinal);

        // A provider not (yet) in providers.csv is listed too, with its lines only: a run names it unknown and pays it
        // nothing, but what it sent is production all the same (its MNDP rows were refused, it has no crisisafspraak).
        var known = inputs.Providers.Select(p => p.Agb).ToHashSet(StringComparer.Ordinal);
        var unknown = production.Select(g => g.Key).Where(agb => !known.Contains(agb)).Distinct(StringComparer.Ordinal)
            .Select(agb => new Provider(agb, Regime.Achteraf, crisisafspraak: false));
        return inputs.Providers
            .Concat(unknown)
            .OrderBy(p => p.Agb, StringComparer.Ordinal)
            .Select(provider => new CountedProduction(
                provider.Agb,
                year,
                before,
                Counted(protocol, before, exempt: false, provider, production[provider.Agb], mndp[provider.Agb], corrections[provider.Agb]),
                Counted(protocol, before, exempt: true, provider, production[provider.Agb], mndp[provider.Agb], corrections[provider.Agb])))
            .ToArray();
    }

    private ProviderRun CalculateProvider(
        DateOnly runDate,
        Provider provider,
        JaarafspraakIndex jaarafspraken,
        IEnumerable<ReceivedProduction> production,
        IEnumerable<MndpAmount> mndp,
        IEnumerable<TariffCorrection> corrections,
        IEnumerable<Invordering> invorderingen,
        PaidItem[] history)
    {
        var payable = new List<FundingItem>();

        var thisYear = _settings.ProtocolFor(runDate.Year);
        if (thisYear.PaysWerkvoorschot(runDate, provider.Regime))
        {
            var jaarafspraak = jaarafspraken.InForce(provider.Agb, runDate.Year, runDate);
            AddUnlessZero(payable, ItemKind.Werkvoorschot, runDate.Year, thisYear.Werkvoorschot(jaarafspraak));
        }

        var figures = new List<ProductionFigures>();
        foreach (var year in _settings.Protocols.ProductionYears(runDate))
        {
            var protocol = _settings.ProtocolFor(year);
            var yearFigures = new ProductionFigures
            {
                Year = year,
                JaarafspraakCents = jaarafspraken.InForce(provider.Agb, year, runDate),
                ElapsedMonths = FundingCalendar.ElapsedMonths(year, runDate),
                NonExempt = Counted(protocol, runDate, exempt: false, provider, production, mndp, corrections),
                Exempt = Counted(protocol, runDate, exempt: true, provider, production, mndp, corrections),
                PaidBeforeCents = history.Where(i => i.Year == year && i.CountsAs(ItemKind.Productie)).Sum(i => i.AmountCents),
            };
            figures.Add(yearFigures);
            AddUnlessZero(payable, ItemKind.Productie, year, yearFigures.ItemCents);
            AddUnlessZero(payable, ItemKind.VerrekeningWerkvoorschot, year, SettlementItem(protocol, runDate, history));
        }

        var ordered = payable.OrderBy(i => i.Year).ThenBy(i => i.Kind).ToArray();
        var openBefore = RecoveryLedger.Replay(invorderingen, history).Balances;
        var settlement = PaymentSettlement.Settle(ordered, openBefore);

        return new ProviderRun
        {
            Agb = provider.Agb,
            RunDate = runDate,
            Items = [.. ordered, .. settlement.Offsets],
            Production = figures,
            RecoveriesOpenBefore = openBefore,
            RecoveriesCarriedForward = settlement.CarriedForward,
            PaymentCents = settlement.PaymentCents,
        };
    }

    /// <summary>Pc(D) or Px(D): lines received, MNDP submitted and tariff corrections dated before the run.</summary>
    private static ProductionBreakdown Counted(
        AdvanceProtocol protocol,
        DateOnly runDate,
        bool exempt,
        Provider provider,
        IEnumerable<ReceivedProduction> production,
        IEnumerable<MndpAmount> mndp,
        IEnumerable<TariffCorrection> corrections)
    {
        var year = protocol.Year;
        var lines = production
            .Where(p => p.Year == year && p.ReceivedOn < runDate)
            .Sum(p => exempt ? p.ExemptCents : p.NonExemptCents);

        // Checked here as well as in MndpValidation: the amounts may have been accepted before the crisisafspraak ended.
        var fromMndp = protocol.CountsMndp(provider)
            ? mndp.Where(m => m.Year == year && m.IngediendOp < runDate && protocol.IsExempt(m.Prestatiecode) == exempt)
                .Sum(m => m.AmountCents)
            : 0;

        var fromCorrections = corrections
            .Where(c => c.Year == year && c.CountsFrom <= runDate && protocol.IsExempt(c.Prestatiecode) == exempt)
            .Sum(c => c.AmountCents);

        return new ProductionBreakdown(lines, fromMndp, fromCorrections);
    }

    /// <summary>
    /// The settlement of the year's werkvoorschot, as what is due by now minus what earlier runs settled: each werkvoorschot
    /// actually paid (corrections included) is due for settlement in its run of the next year. Normally that is −W in January
    /// and −W in February; a settlement an operator held back comes back in the next run, up to the final run.
    /// </summary>
    private static long SettlementItem(AdvanceProtocol protocol, DateOnly runDate, PaidItem[] history)
    {
        var year = protocol.Year;
        var due = -history
            .Where(i => i.Year == year && i.CountsAs(ItemKind.Werkvoorschot)
                && protocol.SettlementRun(i.RunDate) <= runDate)
            .Sum(i => i.AmountCents);
        var settled = history
            .Where(i => i.Year == year && i.CountsAs(ItemKind.VerrekeningWerkvoorschot))
            .Sum(i => i.AmountCents);
        return due - settled;
    }

    private static void AddUnlessZero(List<FundingItem> items, ItemKind kind, int year, long amountCents)
    {
        // A zero item says nothing the figures do not say already; storage keeps only what moves money.
        if (amountCents != 0)
        {
            items.Add(new FundingItem(kind, year, amountCents));
        }
    }
}
