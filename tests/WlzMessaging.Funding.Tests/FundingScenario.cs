namespace WlzMessaging.Funding.Tests;

/// <summary>
/// Runs month after month the way the engine will: compute a draft, let the operator review it, approve it, and feed the
/// approved items to the next run as history.
/// </summary>
internal sealed class FundingScenario
{
    private readonly FundingCalculator _calculator;
    private readonly List<PaidItem> _history = [];
    private readonly List<ProviderRun> _approved = [];

    public FundingScenario(FundingInputs inputs, FundingSettings? settings = null)
    {
        Inputs = inputs;
        _calculator = new FundingCalculator(settings ?? FundingSettings.Default);
    }

    /// <summary>The inputs without history; a test may change them between runs (a herschikking, a new invordering).</summary>
    public FundingInputs Inputs { get; set; }

    public IReadOnlyList<PaidItem> History => _history;

    public FundingRun Draft(DateOnly runDate) => _calculator.Calculate(runDate, Inputs with { History = [.. _history] });

    /// <summary>Computes, reviews (optionally) and approves the run of every provider; returns the approved run.</summary>
    public FundingRun Run(DateOnly runDate, Func<ProviderRun, ProviderRun>? review = null)
    {
        var draft = Draft(runDate);
        var approved = draft.Providers.Select(p => review is null ? p : review(p)).ToArray();
        foreach (var providerRun in approved)
        {
            _approved.Add(providerRun);
            _history.AddRange(providerRun.ToPaidItems());
        }

        return draft with { Providers = approved };
    }

    public ProviderRun Run(string runDate, string agb, Func<ProviderRun, ProviderRun>? review = null) =>
        Run(Day.Of(runDate), review).For(agb);

    /// <summary>Runs every month from first to last and returns the approved runs by date.</summary>
    public IReadOnlyDictionary<DateOnly, FundingRun> RunMonths(string first, string last)
    {
        var runs = new Dictionary<DateOnly, FundingRun>();
        foreach (var month in Day.Months(first, last))
        {
            runs[month] = Run(month);
        }

        return runs;
    }

    public IReadOnlyList<ProviderRun> ApprovedRunsOf(string agb) => [.. _approved.Where(r => r.Agb == agb)];
}
