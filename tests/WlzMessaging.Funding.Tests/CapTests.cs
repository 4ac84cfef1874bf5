namespace WlzMessaging.Funding.Tests;

/// <summary>The cap: e(D) × J(D) / 12 on the capped production, never on the exempt prestaties.</summary>
public sealed class CapTests
{
    [Fact]
    public void Production_exactly_at_the_cap_is_paid_in_full_and_nothing_is_withheld()
    {
        var scenario = new FundingScenario(Build.Inputs(production: [Build.Received(2024, "2024-02-10", 20_000_000)]));

        var run = scenario.Run("2024-03-01", Build.Agb);

        Assert.Equal(20_000_000, run.ProductionOf(2024)!.CapCents);
        Assert.Equal(20_000_000, run.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(0, run.ProductionOf(2024)!.WithheldCents);
    }

    [Fact]
    public void One_cent_above_the_cap_is_withheld()
    {
        var scenario = new FundingScenario(Build.Inputs(production: [Build.Received(2024, "2024-02-10", 20_000_001)]));

        var run = scenario.Run("2024-03-01", Build.Agb);

        Assert.Equal(20_000_000, run.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(1, run.ProductionOf(2024)!.WithheldCents);
    }

    [Fact]
    public void Exempt_production_is_never_capped()
    {
        // Cap on 2024-03-01 is 2 × 12,000,000 / 12 = 2,000,000; exempt 7,000,000 is paid on top of it in full.
        var scenario = new FundingScenario(Build.Inputs(
            jaarafspraken: [Build.Jaarafspraak(2024, 12_000_000)],
            production: [Build.Received(2024, "2024-02-10", nonExempt: 5_000_000, exempt: 7_000_000)]));

        var run = scenario.Run("2024-03-01", Build.Agb);

        Assert.Equal(2_000_000, run.ProductionOf(2024)!.CapCents);
        Assert.Equal(9_000_000, run.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(3_000_000, run.ProductionOf(2024)!.WithheldCents);
    }

    [Fact]
    public void Exempt_production_is_paid_even_without_a_jaarafspraak()
    {
        var scenario = new FundingScenario(Build.Inputs(
            jaarafspraken: [],
            production: [Build.Received(2024, "2024-02-10", nonExempt: 5_000_000, exempt: 700_000)]));

        var run = scenario.Run("2024-03-01", Build.Agb);

        Assert.Equal(0, run.ProductionOf(2024)!.CapCents);
        Assert.Equal(700_000, run.AmountOf(ItemKind.Productie, 2024));
    }

    [Fact]
    public void Withheld_production_is_paid_when_the_cap_grows_with_the_months()
    {
        var scenario = new FundingScenario(Build.Inputs(production: [Build.Received(2024, "2024-02-10", 25_000_000)]));

        var march = scenario.Run("2024-03-01", Build.Agb);
        var april = scenario.Run("2024-04-01", Build.Agb);

        Assert.Equal(20_000_000, march.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(5_000_000, april.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(0, april.ProductionOf(2024)!.WithheldCents);
    }

    [Fact]
    public void A_herschikking_raising_J_releases_withheld_production()
    {
        var scenario = new FundingScenario(Build.Inputs(
            jaarafspraken: [Build.Jaarafspraak(2024, 60_000_000)],
            production:
            [
                Build.Received(2024, "2024-02-10", 9_500_000),
                Build.Received(2024, "2024-03-10", 10_500_000),
            ]));
        scenario.Run("2024-03-01", Build.Agb);
        var april = scenario.Run("2024-04-01", Build.Agb);

        // Herschikking from 2024-04-15: J becomes 120,000,000, so the May cap is 40,000,000.
        scenario.Inputs = scenario.Inputs with
        {
            Jaarafspraken = [.. scenario.Inputs.Jaarafspraken, Build.Jaarafspraak(2024, 120_000_000, "2024-04-15")],
        };
        var may = scenario.Run("2024-05-01", Build.Agb);

        Assert.Equal(15_000_000, april.ProductionOf(2024)!.CapCents);
        Assert.Equal(5_500_000, april.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(5_000_000, april.ProductionOf(2024)!.WithheldCents);
        Assert.Equal(120_000_000, may.ProductionOf(2024)!.JaarafspraakCents);
        Assert.Equal(5_000_000, may.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(0, may.ProductionOf(2024)!.WithheldCents);
    }

    [Fact]
    public void A_herschikking_counts_from_its_geldig_vanaf_day_and_not_a_day_earlier()
    {
        var onTheRunDate = new FundingScenario(Build.Inputs(jaarafspraken:
            [Build.Jaarafspraak(2024, 60_000_000), Build.Jaarafspraak(2024, 120_000_000, "2024-05-01")]));
        var dayAfter = new FundingScenario(Build.Inputs(jaarafspraken:
            [Build.Jaarafspraak(2024, 60_000_000), Build.Jaarafspraak(2024, 120_000_000, "2024-05-02")]));

        Assert.Equal(120_000_000, onTheRunDate.Draft(Day.Of("2024-05-01")).For(Build.Agb).ProductionOf(2024)!.JaarafspraakCents);
        Assert.Equal(60_000_000, dayAfter.Draft(Day.Of("2024-05-01")).For(Build.Agb).ProductionOf(2024)!.JaarafspraakCents);
    }

    [Fact]
    public void A_herschikking_lowering_J_below_what_was_paid_recovers_the_difference()
    {
        var scenario = new FundingScenario(Build.Inputs(production: [Build.Received(2024, "2024-02-10", 20_000_000)]));
        scenario.Run("2024-03-01", Build.Agb);
        scenario.Inputs = scenario.Inputs with
        {
            Jaarafspraken = [.. scenario.Inputs.Jaarafspraken, Build.Jaarafspraak(2024, 48_000_000, "2024-03-15")],
        };

        var april = scenario.Run("2024-04-01", Build.Agb);

        // Cap on 2024-04-01 = 3 × 48,000,000 / 12 = 12,000,000, while 20,000,000 was paid.
        Assert.Equal(-8_000_000, april.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(0, april.PaymentCents);
        Assert.Equal([new RecoveryBalance(2024, 8_000_000)], april.RecoveriesCarriedForward);
    }
}
