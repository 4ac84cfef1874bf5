namespace WlzMessaging.Funding.Tests;

/// <summary>The operator's review: an adjustment is recorded as a correctie and holds for one run only.</summary>
public sealed class OperatorAdjustmentTests
{
    private static FundingScenario WorkedExampleUntilMarch()
    {
        var scenario = new FundingScenario(WorkedExample.Inputs());
        scenario.RunMonths("2024-01-01", "2024-03-01");
        return scenario;
    }

    private static Func<ProviderRun, ProviderRun> Set(ItemKind kind, int year, long amount) =>
        run => RunReview.Adjust(run, new OperatorAdjustment(kind, year, amount, "Controle op declaratiegedrag"));

    [Fact]
    public void An_adjustment_adds_a_correctie_of_the_difference_and_changes_the_payment()
    {
        var scenario = WorkedExampleUntilMarch();

        var april = scenario.Run("2024-04-01", WorkedExample.Agb, Set(ItemKind.Productie, 2024, 9_800_000));

        Assert.Equal(
            [
                new FundingItem(ItemKind.Productie, 2024, 10_800_000),
                new FundingItem(ItemKind.Correctie, 2024, -1_000_000, ItemKind.Productie),
            ],
            april.Items);
        Assert.Equal(9_800_000, april.PaymentCents);
        Assert.Equal(9_800_000, april.AmountOf(ItemKind.Productie, 2024));
    }

    [Fact]
    public void An_adjustment_is_one_off_so_the_withheld_amount_comes_back_in_the_next_run()
    {
        var scenario = WorkedExampleUntilMarch();
        scenario.Run("2024-04-01", WorkedExample.Agb, Set(ItemKind.Productie, 2024, 9_800_000));

        var may = scenario.Run("2024-05-01", WorkedExample.Agb);

        // Due 35,300,000 − paid 9,500,000 − 9,800,000 = 16,000,000: May's 15,000,000 and April's withheld 1,000,000.
        Assert.Equal(19_300_000, may.ProductionOf(2024)!.PaidBeforeCents);
        Assert.Equal(16_000_000, may.AmountOf(ItemKind.Productie, 2024));
        Assert.DoesNotContain(may.Items, i => i.Kind == ItemKind.Correctie);
    }

    [Fact]
    public void An_amount_paid_extra_by_an_operator_is_taken_back_in_the_next_run()
    {
        var scenario = WorkedExampleUntilMarch();
        scenario.Run("2024-04-01", WorkedExample.Agb, Set(ItemKind.Productie, 2024, 11_800_000));

        var may = scenario.Run("2024-05-01", WorkedExample.Agb);

        Assert.Equal(14_000_000, may.AmountOf(ItemKind.Productie, 2024));
    }

    [Fact]
    public void Adjusting_the_same_item_again_replaces_the_correctie()
    {
        var draft = WorkedExampleUntilMarch().Draft(Day.Of("2024-04-01")).For(WorkedExample.Agb);

        var once = RunReview.Adjust(draft, new OperatorAdjustment(ItemKind.Productie, 2024, 9_800_000, "eerste beoordeling"));
        var twice = RunReview.Adjust(once, new OperatorAdjustment(ItemKind.Productie, 2024, 10_300_000, "herzien"));
        var undone = RunReview.Adjust(twice, new OperatorAdjustment(ItemKind.Productie, 2024, 10_800_000, "toch akkoord"));

        Assert.Equal([new FundingItem(ItemKind.Correctie, 2024, -500_000, ItemKind.Productie)],
            twice.Items.Where(i => i.Kind == ItemKind.Correctie));
        Assert.Equal(10_300_000, twice.PaymentCents);
        Assert.Equal(draft.Items, undone.Items);
    }

    [Fact]
    public void An_adjustment_settles_the_recoveries_again_against_the_new_total()
    {
        // 2024-01-01 of the worked example: W 10,204,082 with 5,000,000 of 2023 to recover.
        var draft = new FundingScenario(WorkedExample.Inputs()).Draft(Day.Of("2024-01-01")).For(WorkedExample.Agb);

        var adjusted = RunReview.Adjust(draft, new OperatorAdjustment(ItemKind.Werkvoorschot, 2024, 3_000_000, "Verlaagd voorschot"));

        Assert.Equal(-3_000_000, adjusted.AmountOf(ItemKind.Invordering, 2023));
        Assert.Equal(0, adjusted.PaymentCents);
        Assert.Equal([new RecoveryBalance(2023, 2_000_000)], adjusted.RecoveriesCarriedForward);
    }

    [Fact]
    public void An_adjustment_that_makes_the_run_negative_opens_a_recovery_instead_of_a_negative_payment()
    {
        var draft = WorkedExampleUntilMarch().Draft(Day.Of("2024-04-01")).For(WorkedExample.Agb);

        var adjusted = RunReview.Adjust(draft, new OperatorAdjustment(ItemKind.Productie, 2024, -1_000_000, "Terugvordering fraude"));

        Assert.Equal(0, adjusted.PaymentCents);
        Assert.Equal([new RecoveryBalance(2024, 1_000_000)], adjusted.RecoveriesCarriedForward);
    }

    [Fact]
    public void An_invordering_cannot_be_adjusted_by_hand()
    {
        var draft = new FundingScenario(WorkedExample.Inputs()).Draft(Day.Of("2024-01-01")).For(WorkedExample.Agb);

        Assert.Throws<ArgumentException>(() =>
            RunReview.Adjust(draft, new OperatorAdjustment(ItemKind.Invordering, 2023, 0, "niet invorderen")));
    }

    [Fact]
    public void An_adjustment_without_a_reason_is_refused()
    {
        var draft = new FundingScenario(WorkedExample.Inputs()).Draft(Day.Of("2024-01-01")).For(WorkedExample.Agb);

        Assert.Throws<ArgumentException>(() =>
            RunReview.Adjust(draft, new OperatorAdjustment(ItemKind.Werkvoorschot, 2024, 0, " ")));
    }
}
