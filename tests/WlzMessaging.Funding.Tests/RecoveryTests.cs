namespace WlzMessaging.Funding.Tests;

/// <summary>Recoveries: opened by invorderingen.csv or by a negative run, offset against later payments until paid.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void Credits_that_outweigh_new_production_give_a_negative_item_and_carry_a_recovery()
    {
        var scenario = new FundingScenario(Build.Inputs(
            provider: Build.Provider(Regime.Achteraf),
            production:
            [
                Build.Received(2024, "2024-02-10", 9_500_000),
                Build.Received(2024, "2024-03-10", -2_000_000),
                Build.Received(2024, "2024-04-10", 5_000_000),
            ]));

        var march = scenario.Run("2024-03-01", Build.Agb);
        var april = scenario.Run("2024-04-01", Build.Agb);
        var may = scenario.Run("2024-05-01", Build.Agb);

        Assert.Equal(9_500_000, march.PaymentCents);
        Assert.Equal([new FundingItem(ItemKind.Productie, 2024, -2_000_000)], april.Items);
        Assert.Equal(0, april.PaymentCents);
        Assert.Equal([new RecoveryBalance(2024, 2_000_000)], april.RecoveriesCarriedForward);
        Assert.Equal(
            [new FundingItem(ItemKind.Productie, 2024, 5_000_000), new FundingItem(ItemKind.Invordering, 2024, -2_000_000)],
            may.Items);
        Assert.Equal(3_000_000, may.PaymentCents);
        Assert.Equal(0, may.RecoveryCarriedForwardCents);
    }

    [Fact]
    public void A_recovery_larger_than_several_payments_is_offset_until_paid_and_no_payment_goes_below_zero()
    {
        var inputs = Build.Inputs(production: [Build.Received(2024, "2024-02-10", 9_500_000)]) with
        {
            Invorderingen = [new Invordering(Build.Agb, 2023, 25_000_000)],
        };
        var scenario = new FundingScenario(inputs);

        var january = scenario.Run("2024-01-01", Build.Agb);
        var february = scenario.Run("2024-02-01", Build.Agb);
        var march = scenario.Run("2024-03-01", Build.Agb);
        var april = scenario.Run("2024-04-01", Build.Agb);

        Assert.Equal(0, january.PaymentCents);
        Assert.Equal(-10_204_082, january.AmountOf(ItemKind.Invordering, 2023));
        Assert.Equal(14_795_918, january.RecoveryCarriedForwardCents);
        Assert.Equal(0, february.PaymentCents);
        Assert.Equal(4_591_836, february.RecoveryCarriedForwardCents);
        Assert.Equal(-4_591_836, march.AmountOf(ItemKind.Invordering, 2023));
        Assert.Equal(9_500_000 - 4_591_836, march.PaymentCents);
        Assert.Equal(0, march.RecoveryCarriedForwardCents);
        Assert.DoesNotContain(april.Items, i => i.Kind == ItemKind.Invordering);
    }

    [Fact]
    public void Recoveries_are_offset_oldest_year_first()
    {
        var inputs = Build.Inputs() with
        {
            Invorderingen = [new Invordering(Build.Agb, 2023, 2_000_000), new Invordering(Build.Agb, 2022, 1_000_000)],
        };

        var run = new FundingScenario(inputs).Run("2024-01-01", Build.Agb);

        Assert.Equal(
            [
                new FundingItem(ItemKind.Werkvoorschot, 2024, 10_204_082),
                new FundingItem(ItemKind.Invordering, 2022, -1_000_000),
                new FundingItem(ItemKind.Invordering, 2023, -2_000_000),
            ],
            run.Items);
        Assert.Equal(7_204_082, run.PaymentCents);
    }

    [Fact]
    public void A_recovery_opened_by_a_run_is_booked_on_the_year_whose_items_are_negative()
    {
        // 2025-03-01: 2024 falls back by 3,000,000 of credits, 2025 brings 1,000,000: 2,000,000 is recovered on 2024.
        var scenario = new FundingScenario(Build.Inputs(
            provider: Build.Provider(Regime.Achteraf),
            jaarafspraken: [Build.Jaarafspraak(2024, 120_000_000), Build.Jaarafspraak(2025, 120_000_000)],
            production:
            [
                Build.Received(2024, "2025-01-10", 5_000_000),
                Build.Received(2024, "2025-02-10", -3_000_000),
                Build.Received(2025, "2025-02-10", 1_000_000),
            ]));
        scenario.Run("2025-02-01", Build.Agb);

        var run = scenario.Run("2025-03-01", Build.Agb);

        Assert.Equal(-3_000_000, run.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(1_000_000, run.AmountOf(ItemKind.Productie, 2025));
        Assert.Equal(0, run.PaymentCents);
        Assert.Equal([new RecoveryBalance(2024, 2_000_000)], run.RecoveriesCarriedForward);
    }

    [Fact]
    public void A_recovery_carried_from_a_run_is_found_again_from_the_history_alone()
    {
        var scenario = new FundingScenario(Build.Inputs(
            provider: Build.Provider(Regime.Achteraf),
            production: [Build.Received(2024, "2024-02-10", 9_500_000), Build.Received(2024, "2024-03-10", -12_000_000)]));
        scenario.Run("2024-03-01", Build.Agb);
        scenario.Run("2024-04-01", Build.Agb);

        var may = scenario.Draft(Day.Of("2024-05-01")).For(Build.Agb);

        // Paid 9,500,000 in March; April's credits bring the year to −2,500,000, so 12,000,000 is owed.
        Assert.Equal([new RecoveryBalance(2024, 12_000_000)], may.RecoveriesOpenBefore);
        Assert.Equal([new RecoveryBalance(2024, 12_000_000)], may.RecoveriesCarriedForward);
        Assert.Equal(0, may.PaymentCents);
    }

    [Fact]
    public void An_invordering_is_an_opening_balance_that_the_engine_does_not_offset_twice()
    {
        var inputs = Build.Inputs() with { Invorderingen = [new Invordering(Build.Agb, 2023, 5_000_000)] };
        var scenario = new FundingScenario(inputs);

        var january = scenario.Run("2024-01-01", Build.Agb);
        var february = scenario.Run("2024-02-01", Build.Agb);

        Assert.Equal(-5_000_000, january.AmountOf(ItemKind.Invordering, 2023));
        Assert.Equal(0, february.AmountOf(ItemKind.Invordering, 2023));
        Assert.Equal(10_204_082, february.PaymentCents);
    }
}
