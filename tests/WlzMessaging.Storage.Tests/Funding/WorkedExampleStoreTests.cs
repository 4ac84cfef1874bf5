using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;
using static WlzMessaging.Testing.Funding.Months;

namespace WlzMessaging.Storage.Tests.Funding;

/// <summary>
/// The worked example of specs/funding.md through the database: its production stored as AW319 lines received month by
/// month (the Z015 days at the tariff they were checked against, the rest of each month as other prestaties, one month with
/// a credit line), then every run from 2024-01-01 to 2025-05-01 computed and approved by <see cref="AdvanceRunStore"/>. Each
/// figure of the page comes back out of the stored runs.
/// </summary>
/// <remarks>The runs are computed once for the class (its database lives until the test run's server goes).</remarks>
[Collection(PostgresCollection.Name)]
public sealed class WorkedExampleStoreTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string Agb = "41000001";

    private static readonly SemaphoreSlim s_once = new(1, 1);
    private static Scenario? s_scenario;

    private AdvanceRunStore _store = null!;
    private IReadOnlyDictionary<DateOnly, ProviderRun> _runs = null!;

    public async Task InitializeAsync()
    {
        await s_once.WaitAsync();
        try
        {
            s_scenario ??= await BuildAsync(fixture);
        }
        finally
        {
            s_once.Release();
        }

        (_store, _runs) = (s_scenario.Store, s_scenario.Runs);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Scenario> BuildAsync(PostgresFixture fixture)
    {
        var database = await fixture.CreateDatabaseAsync();
        var store = new AdvanceRunStore(database.DataSource);
        var seed = new FundingSeed(database.DataSource);

        await seed.ProviderAsync(Agb, "werkvoorschot");
        await seed.AfspraakAsync(Agb, 2024, 120_000_000, "2024-01-01");
        await seed.AfspraakAsync(Agb, 2025, 126_000_000, "2025-01-01");
        await seed.TariefAsync(Agb, 2024, "Z015", 20_000, "2023-12-01");
        await seed.TariefAsync(Agb, 2024, "Z015", 20_400, "2024-05-15");
        await seed.TariefAsync(Agb, 2024, "H126", 1_000, "2023-12-01");
        await seed.InvorderingAsync(Agb, 2023, 5_000_000);

        // Received in February: 400 days of Z015 at 20,000 (8,000,000) and 1,500,000 of H126: 9,500,000.
        await seed.FileAsync(Agb, "2024-02-15",
            SeedLine.Debit("Z015", "2024-01-08", 400, 20_000),
            SeedLine.Amount("H126", "2024-01-08", 1_500_000),
            new SeedLine("H126", Day("2024-01-09"), 1, 777_000, Rejected: true));

        // A test file (0105 = T) never counts.
        await seed.FileAsync(Agb, "2024-02-20", production: false, SeedLine.Amount("H126", "2024-01-10", 5_000_000));

        // March: 450 days of Z015 (9,000,000) and 1,500,000 of H126: 10,500,000; 300,000 of M001, exempt from the cap.
        await seed.FileAsync(Agb, "2024-03-15",
            SeedLine.Debit("Z015", "2024-02-05", 450, 20_000),
            SeedLine.Amount("H126", "2024-02-05", 1_500_000),
            SeedLine.Amount("M001", "2024-02-05", 300_000));

        // April: 650 days of Z015 (13,000,000) and 2,000,000 of H126: 15,000,000.
        await seed.FileAsync(Agb, "2024-04-15",
            SeedLine.Debit("Z015", "2024-03-04", 650, 20_000),
            SeedLine.Amount("H126", "2024-03-04", 2_000_000));

        // May: Z015 is 20,400 from the 15th on, so these 700 days were checked at the new tariff: 6,120,000 + 8,160,000,
        // and 1,120,000 of H126: 15,400,000.
        await seed.FileAsync(Agb, "2024-05-15", SeedLine.Debit("Z015", "2024-04-01", 300, 20_400));
        await seed.FileAsync(Agb, "2024-05-20",
            SeedLine.Debit("Z015", "2024-04-08", 400, 20_400),
            SeedLine.Amount("H126", "2024-04-08", 1_120_000));

        // June 9,000,000; July 9,000,000 as 9,500,000 less a credit line of 500,000; then 10,000,000 a month.
        await seed.FileAsync(Agb, "2024-06-14", SeedLine.Amount("H126", "2024-05-06", 9_000_000));
        await seed.FileAsync(Agb, "2024-07-12",
            SeedLine.Amount("H126", "2024-06-03", 9_500_000),
            SeedLine.Amount("H126", "2024-05-06", -500_000));
        foreach (var month in new[] { "08", "09", "10", "11" })
        {
            await seed.FileAsync(Agb, $"2024-{month}-15", SeedLine.Amount("H126", $"2024-{int.Parse(month, System.Globalization.CultureInfo.InvariantCulture) - 1:D2}-02", 10_000_000));
        }

        await seed.FileAsync(Agb, "2024-12-13", SeedLine.Amount("H126", "2024-11-04", 9_800_000));
        await seed.FileAsync(Agb, "2025-01-15", SeedLine.Amount("H126", "2024-12-02", 1_000_000));
        await seed.FileAsync(Agb, "2025-02-14",
            SeedLine.Amount("H126", "2024-12-09", 100_000),
            SeedLine.Amount("H126", "2025-01-06", 10_000_000));
        await seed.FileAsync(Agb, "2025-03-14", SeedLine.Amount("H126", "2024-12-16", 50_000));

        var runs = new Dictionary<DateOnly, ProviderRun>();
        var output = Path.Combine(Path.GetTempPath(), "wlz-worked-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var month in From("2024-01-01", "2025-05-01"))
            {
                await store.ComputeAsync(month);
                var approved = await store.ApproveAsync(month, "finance", output);
                runs[month] = approved.Run.Run.For(Agb);
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }

        return new Scenario(store, runs);
    }

    private sealed record Scenario(AdvanceRunStore Store, IReadOnlyDictionary<DateOnly, ProviderRun> Runs);

    [Fact]
    public void The_2024_01_01_run_pays_the_werkvoorschot_of_10_204_082_less_the_2023_recovery_of_5_000_000()
    {
        var run = _runs[Day("2024-01-01")];

        Assert.Equal(
            [new FundingItem(ItemKind.Werkvoorschot, 2024, 10_204_082), new FundingItem(ItemKind.Invordering, 2023, -5_000_000)],
            run.Items);
        Assert.Equal(5_204_082, run.PaymentCents);
        Assert.Empty(run.RecoveriesCarriedForward);
    }

    [Fact]
    public void The_2024_02_01_run_pays_the_full_werkvoorschot()
    {
        var run = _runs[Day("2024-02-01")];

        Assert.Equal([new FundingItem(ItemKind.Werkvoorschot, 2024, 10_204_082)], run.Items);
        Assert.Equal(10_204_082, run.PaymentCents);
    }

    [Theory]
    [InlineData("2024-03-01", 2, 20_000_000, 9_500_000, 0, 9_500_000, 9_500_000, 0)]
    [InlineData("2024-04-01", 3, 30_000_000, 20_000_000, 300_000, 20_300_000, 10_800_000, 0)]
    [InlineData("2024-05-01", 4, 40_000_000, 35_000_000, 300_000, 35_300_000, 15_000_000, 0)]
    [InlineData("2024-06-01", 5, 50_000_000, 51_000_000, 300_000, 50_300_000, 15_000_000, 1_000_000)]
    [InlineData("2024-07-01", 6, 60_000_000, 60_000_000, 300_000, 60_300_000, 10_000_000, 0)]
    public void Each_row_of_the_table_comes_out_of_the_stored_run(
        string runDate, int elapsedMonths, long cap, long pc, long px, long due, long item, long withheld)
    {
        var run = _runs[Day(runDate)];
        var figures = run.ProductionOf(2024)!;

        Assert.Equal(120_000_000, figures.JaarafspraakCents);
        Assert.Equal(elapsedMonths, figures.ElapsedMonths);
        Assert.Equal(cap, figures.CapCents);
        Assert.Equal(pc, figures.NonExempt.TotalCents);
        Assert.Equal(px, figures.Exempt.TotalCents);
        Assert.Equal(due, figures.DueCents);
        Assert.Equal(withheld, figures.WithheldCents);
        Assert.Equal([new FundingItem(ItemKind.Productie, 2024, item)], run.Items);
        Assert.Equal(item, run.PaymentCents);
    }

    [Fact]
    public void The_tariff_correction_of_400_times_1_500_days_counts_from_the_2024_06_01_run()
    {
        Assert.Equal(0, _runs[Day("2024-05-01")].ProductionOf(2024)!.NonExempt.TariffCorrectionCents);

        var june = _runs[Day("2024-06-01")].ProductionOf(2024)!;
        Assert.Equal(600_000, june.NonExempt.TariffCorrectionCents);
        Assert.Equal(50_400_000, june.NonExempt.LinesCents);
        Assert.Equal(0, june.Exempt.TariffCorrectionCents);
    }

    [Fact]
    public void The_2025_01_01_run_settles_January_for_minus_404_082_and_pays_10_310_204()
    {
        var run = _runs[Day("2025-01-01")];

        Assert.Equal(
            [
                new FundingItem(ItemKind.Productie, 2024, 9_800_000),
                new FundingItem(ItemKind.VerrekeningWerkvoorschot, 2024, -10_204_082),
                new FundingItem(ItemKind.Werkvoorschot, 2025, 10_714_286),
            ],
            run.Items);
        Assert.Equal(10_310_204, run.PaymentCents);
        Assert.Equal(118_800_000, run.ProductionOf(2024)!.NonExempt.TotalCents);
    }

    [Fact]
    public void The_2025_runs_settle_February_pay_two_years_in_March_and_end_2024_on_1_April()
    {
        Assert.Equal(1_510_204, _runs[Day("2025-02-01")].PaymentCents);
        Assert.Equal(
            [new FundingItem(ItemKind.Productie, 2024, 100_000), new FundingItem(ItemKind.Productie, 2025, 10_000_000)],
            _runs[Day("2025-03-01")].Items);
        Assert.Equal([new FundingItem(ItemKind.Productie, 2024, 50_000)], _runs[Day("2025-04-01")].Items.Where(i => i.Year == 2024));
        Assert.Null(_runs[Day("2025-05-01")].ProductionOf(2024));
    }

    [Fact]
    public async Task The_year_statement_read_from_the_database_balances_after_the_final_run()
    {
        var (statement, runs) = await _store.GetYearStatementAsync(Agb, 2024);

        Assert.Equal(17, runs.Count);
        Assert.True(statement.IsFinal);
        Assert.Equal(120_000_000, statement.JaarafspraakCents);
        Assert.Equal(119_950_000, statement.NonExemptProductionCents);
        Assert.Equal(120_000_000, statement.CapCents);
        Assert.Equal(300_000, statement.ExemptProductionCents);
        Assert.Equal(120_250_000, statement.DueCents);
        Assert.Equal(20_408_164, statement.WerkvoorschotPaidCents);
        Assert.Equal(20_408_164, statement.WerkvoorschotSettledCents);
        Assert.Equal(120_250_000, statement.ProductionItemsCents);
        Assert.Equal(50_000, statement.FinalDifferenceCents);
        Assert.Equal(0, statement.OutstandingCents);
    }

    [Fact]
    public async Task Every_run_reads_back_from_the_database_as_it_was_approved()
    {
        foreach (var (date, approved) in _runs)
        {
            var stored = (await _store.GetRunAsync(date))!;
            var read = stored.Run.For(Agb);

            Assert.Equal(AdvanceRunStatus.Approved, stored.Status);
            Assert.Equal(approved.Items, read.Items);
            Assert.Equal(approved.Production, read.Production);
            Assert.Equal(approved.RecoveriesOpenBefore, read.RecoveriesOpenBefore);
            Assert.Equal(approved.RecoveriesCarriedForward, read.RecoveriesCarriedForward);
            Assert.Equal(approved.PaymentCents, read.PaymentCents);
        }
    }
}
