namespace WlzMessaging.Funding.Tests;

public sealed class YearStatementTests
{
    [Fact]
    public void Before_the_final_run_the_statement_is_provisional_and_shows_the_unsettled_werkvoorschot()
    {
        var runs = WorkedExample.Runs.Value.ApprovedRunsOf(WorkedExample.Agb).Where(r => r.RunDate <= Day.Of("2024-07-01"));

        var statement = YearStatements.Build(2024, runs);

        Assert.False(statement.IsFinal);
        Assert.Null(statement.FinalDifferenceCents);
        Assert.Equal(Day.Of("2024-07-01"), statement.FiguresOfRun);
        Assert.Equal(60_300_000, statement.DueCents);
        Assert.Equal(60_300_000, statement.ProductionItemsCents);
        Assert.Equal(20_408_164, statement.WerkvoorschotPaidCents);
        Assert.Equal(0, statement.WerkvoorschotSettledCents);
        Assert.Equal(-20_408_164, statement.OutstandingCents);
    }

    [Fact]
    public void An_operator_change_to_the_final_run_stays_visible_as_outstanding()
    {
        var scenario = new FundingScenario(WorkedExample.Inputs());
        scenario.RunMonths("2024-01-01", "2025-03-01");
        scenario.Run("2025-04-01", WorkedExample.Agb, run =>
            RunReview.Adjust(run, new OperatorAdjustment(ItemKind.Productie, 2024, 0, "Nacalculatie in onderzoek")));

        var statement = YearStatements.Build(2024, scenario.ApprovedRunsOf(WorkedExample.Agb));

        Assert.True(statement.IsFinal);
        Assert.Equal(0, statement.FinalDifferenceCents);
        Assert.Equal(-50_000, statement.ProductionCorrectionsCents);
        Assert.Equal(50_000, statement.OutstandingCents);
    }

    [Fact]
    public void The_statement_shows_the_recovery_still_open_for_the_year()
    {
        var scenario = new FundingScenario(Build.Inputs(
            provider: Build.Provider(Regime.Achteraf),
            production: [Build.Received(2024, "2024-02-10", 9_500_000), Build.Received(2024, "2024-03-10", -12_000_000)]));
        scenario.RunMonths("2024-03-01", "2024-04-01");

        var statement = YearStatements.Build(2024, scenario.ApprovedRunsOf(Build.Agb));

        Assert.Equal(12_000_000, statement.OpenRecoveryCents);
        Assert.Equal(-2_500_000, statement.DueCents);
    }

    [Fact]
    public void A_statement_covers_the_runs_of_one_provider_only()
    {
        var scenario = new FundingScenario(new FundingInputs
        {
            Providers = [Build.Provider(), Build.Provider(agb: "47000007")],
        });
        var run = scenario.Run(Day.Of("2024-03-01"));

        Assert.Throws<ArgumentException>(() => YearStatements.Build(2024, run.Providers));
        Assert.Throws<ArgumentException>(() => YearStatements.Build(2024, []));
    }
}
