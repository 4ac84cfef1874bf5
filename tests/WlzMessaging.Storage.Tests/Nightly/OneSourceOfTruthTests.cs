using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Storage.Nightly;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;
using static WlzMessaging.Testing.Funding.Months;

namespace WlzMessaging.Storage.Tests.Nightly;

/// <summary>
/// The nightly tariff correction and the advance run correct the same volume: approved lines and accepted MNDP rows of the
/// prestatie received before the change. Before, the nightly correction left the MNDP volume out.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OneSourceOfTruthTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string A = "41000001";

    private TestDatabase _database = null!;
    private FundingSeed _seed = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _seed = new FundingSeed(_database.DataSource);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task The_nightly_correction_and_the_advance_run_agree_to_the_cent_with_MNDP_volume()
    {
        await _seed.ProviderAsync(A, "werkvoorschot", crisisafspraak: true);
        await _seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        await _seed.TariefAsync(A, 2024, "Z015", 20_000, "2023-12-01");
        await _seed.TariefAsync(A, 2024, "Z015", 20_400, "2024-05-15");
        await _seed.FileAsync(A, "2024-03-05", SeedLine.Debit("Z015", "2024-02-01", 29, 20_000), SeedLine.CreditOf("Z015", "2024-01-01", 4, 20_000));
        await _seed.MndpAsync(A, 2024, 3, "Z015", 31, 20_000, "2024-04-10");
        await _seed.MndpAsync(A, 2024, 4, "Z015", 30, 20_000, "2024-05-20"); // after the change: checked at the new tariff, not corrected
        await _seed.MndpAsync(A, 2024, 2, "Z015", 5, 19_000, "2024-04-11");  // not the contracted tariff: rejected, not corrected

        await using var day = await NightlyDay.BeginAsync(_database.DataSource, Day("2024-05-15"), CancellationToken.None);
        var nightly = Assert.Single(await ReferenceCorrections.TariffCorrectionsAsync(day, CancellationToken.None));
        await day.CommitAsync(CancellationToken.None);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var run = (await FundingInputsQuery.LoadAsync(connection, null, Day("2024-06-01"), FundingSettings.Default)).Inputs;
        var advance = Assert.Single(run.TariffCorrections);

        // 400 × (29 − 4 lines + 31 MNDP days) = 22,400: both paths.
        Assert.Equal(56, nightly.Volume);
        Assert.Equal(22_400, nightly.AmountCents);
        Assert.Equal(advance, nightly);
    }

    /// <summary>
    /// One scenario (approved lines with a credit, an exempt line, accepted and refused MNDP rows, a tariff change) read by
    /// every path that shows a provider's money: the advance run of 2024-06-01, the nightly correction of 2024-05-15, the
    /// year statement, the feedback page of May 2024 and the report up to 31 May 2024. All count the same production.
    /// </summary>
    [Fact]
    public async Task Run_nightly_statement_feedback_and_report_agree_to_the_cent()
    {
        await _seed.ProviderAsync(A, "werkvoorschot", crisisafspraak: true);
        await _seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        await _seed.TariefAsync(A, 2024, "Z015", 20_000, "2023-12-01");
        await _seed.TariefAsync(A, 2024, "Z015", 20_400, "2024-05-15");
        await _seed.FileAsync(A, "2024-03-05", SeedLine.Debit("Z015", "2024-02-01", 29, 20_000), SeedLine.CreditOf("Z015", "2024-01-01", 4, 20_000));
        await _seed.FileAsync(A, "2024-04-02", SeedLine.Amount("M001", "2024-03-01", 30_000)); // exempt from the cap
        await _seed.MndpAsync(A, 2024, 3, "Z015", 31, 20_000, "2024-04-10");
        await _seed.MndpAsync(A, 2024, 4, "Z015", 30, 20_000, "2024-05-20"); // not the tariff in force then: refused
        await _seed.MndpAsync(A, 2024, 2, "Z015", 5, 19_000, "2024-04-11");  // never the contracted tariff: refused

        // By hand: lines 25 × 200.00 = 500,000 (capped) and 30,000 (exempt); MNDP 31 × 200.00 = 620,000; the tariff change
        // 4.00 × (25 + 31) = 22,400. Pc = 1,142,400, Px = 30,000, production 1,172,400.
        const long Lines = 530_000;
        const long Mndp = 620_000;
        const long Correction = 22_400;
        const long Production = Lines + Mndp + Correction;

        await using (var day = await NightlyDay.BeginAsync(_database.DataSource, Day("2024-05-15"), CancellationToken.None))
        {
            var nightly = Assert.Single(await ReferenceCorrections.TariffCorrectionsAsync(day, CancellationToken.None));
            await day.CommitAsync(CancellationToken.None);
            Assert.Equal(Correction, nightly.AmountCents);
        }

        var store = new AdvanceRunStore(_database.DataSource);
        var output = Path.Combine(Path.GetTempPath(), "wlz-one-source-" + Guid.NewGuid().ToString("N"));
        ProviderRun june;
        try
        {
            ProviderRun? last = null;
            foreach (var month in From("2024-01-01", "2024-06-01"))
            {
                await store.ComputeAsync(month);
                last = (await store.ApproveAsync(month, "finance", output)).Run.Run.For(A);
            }

            june = last!;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }

        var run = Assert.Single(june.Production, p => p.Year == 2024);
        Assert.Equal((Lines - 30_000, Mndp, Correction), (run.NonExempt.LinesCents, run.NonExempt.MndpCents, run.NonExempt.TariffCorrectionCents));
        Assert.Equal(30_000, run.Exempt.TotalCents);
        Assert.Equal(Production, run.NonExempt.TotalCents + run.Exempt.TotalCents);

        var (statement, _) = await store.GetYearStatementAsync(A, 2024);
        Assert.Equal(Production, statement.NonExemptProductionCents + statement.ExemptProductionCents);

        var feedback = await new FeedbackQueries(_database.DataSource).ReadAsync(Day("2024-05-01"), 2024);
        var page = Assert.Single(feedback.Production, p => p.Agb == A);
        Assert.Equal((Production, Mndp, Correction), (page.TotalCents, page.MndpCents, page.TariffCorrectionCents));
        Assert.Equal(Lines, feedback.LinesByCareMonth.Sum(m => m.ApprovedCents)); // the care-month breakdown is lines only

        var report = await new ReportQueries(_database.DataSource).ReadAsync(new ReportPeriod(Day("2024-03-01"), Day("2024-05-31"), Day("2024-06-01")));
        Assert.Equal(Production, Assert.Single(report.Production, p => p.Agb == A).TotalCents);
    }
}
