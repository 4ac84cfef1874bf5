namespace WlzMessaging.Funding.Tests;

/// <summary>The worked example of specs/funding.md, figure by figure.</summary>
public sealed class WorkedExampleTests
{
    private const string Agb = WorkedExample.Agb;

    [Fact]
    public void The_werkvoorschot_of_J_120_000_000_is_10_204_082()
    {
        Assert.Equal(10_204_082, AdvanceProtocolReader.Vgz2024.Werkvoorschot(120_000_000));
    }

    [Fact]
    public void The_2024_01_01_run_offsets_the_open_2023_recovery_against_the_werkvoorschot_and_pays_5_204_082()
    {
        var run = WorkedExample.RunOf("2024-01-01");

        Assert.Equal(
            [new FundingItem(ItemKind.Werkvoorschot, 2024, 10_204_082), new FundingItem(ItemKind.Invordering, 2023, -5_000_000)],
            run.Items);
        Assert.Equal(5_204_082, run.PaymentCents);
        Assert.Equal([new RecoveryBalance(2023, 5_000_000)], run.RecoveriesOpenBefore);
        Assert.Empty(run.RecoveriesCarriedForward);
    }

    [Fact]
    public void The_2024_02_01_run_pays_the_full_werkvoorschot_because_the_recovery_is_closed()
    {
        var run = WorkedExample.RunOf("2024-02-01");

        Assert.Equal([new FundingItem(ItemKind.Werkvoorschot, 2024, 10_204_082)], run.Items);
        Assert.Equal(10_204_082, run.PaymentCents);
        Assert.Equal(0, run.RecoveryCarriedForwardCents);
    }

    [Theory]
    [InlineData("2024-03-01", 2, 20_000_000, 9_500_000, 0, 9_500_000, 9_500_000, 0)]
    [InlineData("2024-04-01", 3, 30_000_000, 20_000_000, 300_000, 20_300_000, 10_800_000, 0)]
    [InlineData("2024-05-01", 4, 40_000_000, 35_000_000, 300_000, 35_300_000, 15_000_000, 0)]
    [InlineData("2024-06-01", 5, 50_000_000, 51_000_000, 300_000, 50_300_000, 15_000_000, 1_000_000)]
    [InlineData("2024-07-01", 6, 60_000_000, 60_000_000, 300_000, 60_300_000, 10_000_000, 0)]
    public void Each_production_run_of_the_table_matches_figure_by_figure(
        string runDate, int elapsedMonths, long cap, long pc, long px, long due, long item, long withheld)
    {
        var run = WorkedExample.RunOf(runDate);
        var figures = run.ProductionOf(2024)!;

        Assert.Equal(elapsedMonths, figures.ElapsedMonths);
        Assert.Equal(cap, figures.CapCents);
        Assert.Equal(pc, figures.NonExempt.TotalCents);
        Assert.Equal(px, figures.Exempt.TotalCents);
        Assert.Equal(due, figures.DueCents);
        Assert.Equal(item, figures.ItemCents);
        Assert.Equal(withheld, figures.WithheldCents);
        Assert.Equal([new FundingItem(ItemKind.Productie, 2024, item)], run.Items.Where(i => i.Year == 2024));
        Assert.Equal(item, run.PaymentCents);
    }

    [Fact]
    public void The_March_run_of_2024_also_looks_at_2023_but_pays_nothing_for_it()
    {
        var run = WorkedExample.RunOf("2024-03-01");

        Assert.Equal([2023, 2024], run.Production.Select(f => f.Year));
        Assert.Equal(0, run.AmountOf(ItemKind.Productie, 2023));
    }

    [Fact]
    public void The_tariff_correction_is_400_times_1_500_days_dated_2024_06_01()
    {
        var correction = Assert.Single(TariffCorrections.Compute(WorkedExample.Tariffs, WorkedExample.Z015Volumes));

        Assert.Equal(
            new TariffCorrection(Agb, 2024, "Z015", Day.Of("2024-06-01"), 20_000, 20_400, 1_500, 600_000),
            correction);
    }

    [Fact]
    public void The_tariff_correction_counts_in_Pc_from_the_2024_06_01_run_and_not_before()
    {
        var may = WorkedExample.RunOf("2024-05-01").ProductionOf(2024)!;
        var june = WorkedExample.RunOf("2024-06-01").ProductionOf(2024)!;

        Assert.Equal(0, may.NonExempt.TariffCorrectionCents);
        Assert.Equal(600_000, june.NonExempt.TariffCorrectionCents);
        Assert.Equal(50_400_000, june.NonExempt.LinesCents);
        Assert.Equal(51_000_000, june.NonExempt.TotalCents);
        Assert.Equal(0, june.Exempt.TariffCorrectionCents);
    }

    [Fact]
    public void The_2025_01_01_run_settles_January_for_minus_404_082_and_pays_10_310_204_with_the_2025_werkvoorschot()
    {
        var run = WorkedExample.RunOf("2025-01-01");

        Assert.Equal(
            [
                new FundingItem(ItemKind.Productie, 2024, 9_800_000),
                new FundingItem(ItemKind.VerrekeningWerkvoorschot, 2024, -10_204_082),
                new FundingItem(ItemKind.Werkvoorschot, 2025, 10_714_286),
            ],
            run.Items);
        Assert.Equal(-404_082, run.Items.Where(i => i.Year == 2024).Sum(i => i.AmountCents));
        Assert.Equal(10_310_204, run.PaymentCents);
        Assert.Equal(118_800_000, run.ProductionOf(2024)!.NonExempt.TotalCents);
        Assert.Equal(120_000_000, run.ProductionOf(2024)!.CapCents);
    }

    [Fact]
    public void The_2025_02_01_run_settles_the_February_werkvoorschot()
    {
        var run = WorkedExample.RunOf("2025-02-01");

        Assert.Equal(-10_204_082, run.AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024));
        Assert.Equal(1_000_000, run.AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(10_714_286, run.AmountOf(ItemKind.Werkvoorschot, 2025));
        Assert.Equal(1_510_204, run.PaymentCents);
    }

    [Fact]
    public void The_2025_03_01_run_has_production_items_of_2024_and_of_2025()
    {
        var run = WorkedExample.RunOf("2025-03-01");

        Assert.Equal(
            [new FundingItem(ItemKind.Productie, 2024, 100_000), new FundingItem(ItemKind.Productie, 2025, 10_000_000)],
            run.Items);
        Assert.Equal(12, run.ProductionOf(2024)!.ElapsedMonths);
        Assert.Equal(2, run.ProductionOf(2025)!.ElapsedMonths);
        Assert.Equal(21_000_000, run.ProductionOf(2025)!.CapCents);
        Assert.Equal(10_100_000, run.PaymentCents);
    }

    [Fact]
    public void The_2025_04_01_run_is_the_last_one_for_2024()
    {
        var final = WorkedExample.RunOf("2025-04-01");
        var after = WorkedExample.RunOf("2025-05-01");

        Assert.Equal(50_000, final.AmountOf(ItemKind.Productie, 2024));
        Assert.Null(after.ProductionOf(2024));
        Assert.DoesNotContain(after.Items, i => i.Year == 2024);
    }

    [Fact]
    public void No_settlement_is_repeated_after_the_February_run()
    {
        Assert.Equal(0, WorkedExample.RunOf("2025-03-01").AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024));
        Assert.Equal(0, WorkedExample.RunOf("2025-04-01").AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024));
    }

    [Fact]
    public void The_year_statement_of_2024_balances_after_the_final_run()
    {
        var statement = YearStatements.Build(2024, WorkedExample.Runs.Value.ApprovedRunsOf(Agb));

        Assert.True(statement.IsFinal);
        Assert.Equal(Day.Of("2025-04-01"), statement.FiguresOfRun);
        Assert.Equal(120_000_000, statement.JaarafspraakCents);
        Assert.Equal(119_950_000, statement.NonExemptProductionCents);
        Assert.Equal(120_000_000, statement.CapCents);
        Assert.Equal(300_000, statement.ExemptProductionCents);
        Assert.Equal(120_250_000, statement.DueCents);
        Assert.Equal(20_408_164, statement.WerkvoorschotPaidCents);
        Assert.Equal(20_408_164, statement.WerkvoorschotSettledCents);
        Assert.Equal(120_250_000, statement.ProductionItemsCents);
        Assert.Equal(0, statement.ProductionCorrectionsCents);
        Assert.Equal(50_000, statement.FinalDifferenceCents);
        Assert.Equal(0, statement.OutstandingCents);
        Assert.Equal(0, statement.OpenRecoveryCents);
    }
}
