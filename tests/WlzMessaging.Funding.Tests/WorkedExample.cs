namespace WlzMessaging.Funding.Tests;

/// <summary>
/// The worked example of specs/funding.md as inputs: provider 41000001, regime werkvoorschot, J2024 = 120,000,000,
/// J2025 = 126,000,000, an open recovery of 5,000,000 from 2023, and the production of 2024 month by month.
/// </summary>
internal static class WorkedExample
{
    public const string Agb = "41000001";

    public static readonly Provider Provider = new(Agb, Regime.Werkvoorschot, crisisafspraak: false);

    /// <summary>Z015 goes from 20,000 to 20,400 cents, entered 2024-05-15.</summary>
    public static readonly ContractedTariff[] Tariffs =
    [
        new(Agb, 2024, "Z015", 20_000, Day.Of("2023-12-01")),
        new(Agb, 2024, "Z015", 20_400, Day.Of("2024-05-15")),
    ];

    /// <summary>1,500 days of Z015 approved at 20,000 before the change; the 700 after it were checked at 20,400.</summary>
    public static readonly CheckedVolume[] Z015Volumes =
    [
        new(Agb, 2024, "Z015", Day.Of("2024-02-15"), 400),
        new(Agb, 2024, "Z015", Day.Of("2024-03-15"), 450),
        new(Agb, 2024, "Z015", Day.Of("2024-04-15"), 650),
        new(Agb, 2024, "Z015", Day.Of("2024-05-15"), 300),
        new(Agb, 2024, "Z015", Day.Of("2024-05-20"), 400),
    ];

    /// <summary>
    /// The lines of 2024 by month of receipt (monthly buckets keyed by the first day). May's 15,400,000 of lines and the
    /// 600,000 tariff correction together make the 16,000,000 the 2024-06-01 run adds to Pc.
    /// </summary>
    public static readonly ReceivedProduction[] Production =
    [
        Received(2024, "2024-02-01", 9_500_000),
        Received(2024, "2024-03-01", 10_500_000, exempt: 300_000),
        Received(2024, "2024-04-01", 15_000_000),
        Received(2024, "2024-05-01", 15_400_000),
        Received(2024, "2024-06-01", 9_000_000),
        Received(2024, "2024-07-01", 9_000_000),
        Received(2024, "2024-08-01", 10_000_000),
        Received(2024, "2024-09-01", 10_000_000),
        Received(2024, "2024-10-01", 10_000_000),
        Received(2024, "2024-11-01", 10_000_000),
        Received(2024, "2024-12-01", 9_800_000),
        Received(2024, "2025-01-01", 1_000_000),
        Received(2024, "2025-02-01", 100_000),
        Received(2024, "2025-03-01", 50_000),
        Received(2025, "2025-02-01", 10_000_000),
    ];

    public static FundingInputs Inputs() => new()
    {
        Providers = [Provider],
        Jaarafspraken =
        [
            new(Agb, 2024, 120_000_000, Day.Of("2024-01-01")),
            new(Agb, 2025, 126_000_000, Day.Of("2025-01-01")),
        ],
        Production = Production,
        TariffCorrections = TariffCorrections.Compute(Tariffs, Z015Volumes),
        Invorderingen = [new(Agb, 2023, 5_000_000)],
    };

    /// <summary>Every run from 2024-01-01 to 2025-05-01, approved as computed.</summary>
    public static readonly Lazy<FundingScenario> Runs = new(() =>
    {
        var scenario = new FundingScenario(Inputs());
        scenario.RunMonths("2024-01-01", "2025-05-01");
        return scenario;
    });

    public static ProviderRun RunOf(string runDate) =>
        Runs.Value.ApprovedRunsOf(Agb).Single(r => r.RunDate == Day.Of(runDate));

    private static ReceivedProduction Received(int year, string receivedOn, long nonExempt, long exempt = 0) =>
        new(Agb, year, Day.Of(receivedOn), nonExempt, exempt);
}
