namespace WlzMessaging.Funding.Tests;

/// <summary>The werkvoorschot and its settlement in January and February of the next year.</summary>
public sealed class SettlementTests
{
    private static FundingInputs TwoYears(Regime regime) => Build.Inputs(
        provider: Build.Provider(regime),
        jaarafspraken: [Build.Jaarafspraak(2024, 120_000_000), Build.Jaarafspraak(2025, 126_000_000)],
        production: [Build.Received(2024, "2024-12-10", 9_800_000), Build.Received(2024, "2025-01-10", 1_000_000)]);

    [Fact]
    public void An_achteraf_provider_gets_no_werkvoorschot_and_no_settlement()
    {
        var scenario = new FundingScenario(TwoYears(Regime.Achteraf));
        var runs = scenario.RunMonths("2024-01-01", "2025-04-01");

        Assert.Empty(runs[Day.Of("2024-01-01")].For(Build.Agb).Items);
        Assert.Empty(runs[Day.Of("2024-02-01")].For(Build.Agb).Items);
        Assert.Equal([new FundingItem(ItemKind.Productie, 2024, 9_800_000)], runs[Day.Of("2025-01-01")].For(Build.Agb).Items);
        Assert.Equal([new FundingItem(ItemKind.Productie, 2024, 1_000_000)], runs[Day.Of("2025-02-01")].For(Build.Agb).Items);
        Assert.DoesNotContain(
            scenario.History,
            i => i.CountsAs(ItemKind.Werkvoorschot) || i.CountsAs(ItemKind.VerrekeningWerkvoorschot));
    }

    [Fact]
    public void The_werkvoorschot_is_paid_in_January_and_February_only()
    {
        var scenario = new FundingScenario(TwoYears(Regime.Werkvoorschot));
        var runs = scenario.RunMonths("2024-01-01", "2024-12-01");

        Assert.Equal(
            [Day.Of("2024-01-01"), Day.Of("2024-02-01")],
            runs.Values.Where(r => r.For(Build.Agb).AmountOf(ItemKind.Werkvoorschot, 2024) == 10_204_082).Select(r => r.RunDate));
        Assert.Equal(2, scenario.History.Count(i => i.Kind == ItemKind.Werkvoorschot));
    }

    [Fact]
    public void The_February_werkvoorschot_follows_a_herschikking_of_January()
    {
        var inputs = Build.Inputs(jaarafspraken:
            [Build.Jaarafspraak(2024, 120_000_000), Build.Jaarafspraak(2024, 126_000_000, "2024-01-20")]);
        var scenario = new FundingScenario(inputs);

        Assert.Equal(10_204_082, scenario.Run("2024-01-01", Build.Agb).AmountOf(ItemKind.Werkvoorschot, 2024));
        Assert.Equal(10_714_286, scenario.Run("2024-02-01", Build.Agb).AmountOf(ItemKind.Werkvoorschot, 2024));
    }

    [Fact]
    public void Only_a_werkvoorschot_actually_paid_is_settled()
    {
        // The operator held January's werkvoorschot back entirely; only February's was paid, so only February's is settled.
        var scenario = new FundingScenario(TwoYears(Regime.Werkvoorschot));
        scenario.Run("2024-01-01", Build.Agb, run =>
            RunReview.Adjust(run, new OperatorAdjustment(ItemKind.Werkvoorschot, 2024, 0, "Bankrekening niet bevestigd")));
        scenario.RunMonths("2024-02-01", "2024-12-01");

        var january = scenario.Run("2025-01-01", Build.Agb);
        var february = scenario.Run("2025-02-01", Build.Agb);

        Assert.Equal(0, january.AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024));
        Assert.Equal(-10_204_082, february.AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024));
    }

    [Fact]
    public void A_provider_moved_to_achteraf_still_settles_the_werkvoorschot_it_was_paid()
    {
        var scenario = new FundingScenario(TwoYears(Regime.Werkvoorschot));
        scenario.RunMonths("2024-01-01", "2024-12-01");
        scenario.Inputs = scenario.Inputs with { Providers = [Build.Provider(Regime.Achteraf)] };

        var january = scenario.Run("2025-01-01", Build.Agb);

        Assert.Equal(-10_204_082, january.AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024));
        Assert.Equal(0, january.AmountOf(ItemKind.Werkvoorschot, 2025));
    }

    [Fact]
    public void A_settlement_held_back_by_an_operator_comes_back_in_the_next_run()
    {
        var scenario = new FundingScenario(TwoYears(Regime.Werkvoorschot));
        scenario.RunMonths("2024-01-01", "2024-12-01");
        scenario.Run("2025-01-01", Build.Agb, run =>
            RunReview.Adjust(run, new OperatorAdjustment(ItemKind.VerrekeningWerkvoorschot, 2024, 0, "Liquiditeit aanbieder")));

        var february = scenario.Run("2025-02-01", Build.Agb);

        Assert.Equal(-20_408_164, february.AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024));
    }

    [Fact]
    public void A_settlement_larger_than_the_run_opens_a_recovery_on_the_settled_year()
    {
        // January 2025: nothing of 2024 arrives in December, the 2025 werkvoorschot is 0 (no J2025), so −W is recovered.
        var inputs = Build.Inputs(jaarafspraken: [Build.Jaarafspraak(2024, 120_000_000)]);
        var scenario = new FundingScenario(inputs);
        scenario.RunMonths("2024-01-01", "2024-12-01");

        var january = scenario.Run("2025-01-01", Build.Agb);

        Assert.Equal(0, january.PaymentCents);
        Assert.Equal([new RecoveryBalance(2024, 10_204_082)], january.RecoveriesCarriedForward);
    }
}
