using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;
using static WlzMessaging.Testing.Funding.Months;
using AgbCode = WlzMessaging.Reference.AgbCode;
using MndpRow = WlzMessaging.Reference.MndpRow;
using PrestatieCode = WlzMessaging.Reference.PrestatieCode;
using Regime = WlzMessaging.Reference.Regime;

namespace WlzMessaging.Storage.Tests.Funding;

/// <summary>What a run reads from the database: which lines count, the tariff-change volumes, MNDP, the history.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FundingInputsQueryTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string A = "41000001";
    private const string B = "41000002";

    private TestDatabase _database = null!;
    private FundingSeed _seed = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _seed = new FundingSeed(_database.DataSource);
        await _seed.ProviderAsync(A, "werkvoorschot", crisisafspraak: true);
        await _seed.ProviderAsync(B, "achteraf", crisisafspraak: false);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Counts_approved_lines_of_production_files_received_before_the_run_by_year_of_care_and_day()
    {
        await _seed.FileAsync(A, "2024-03-05",
            SeedLine.Amount("H126", "2024-02-01", 1_000_000),
            SeedLine.Amount("H126", "2024-01-15", -200_000),
            SeedLine.Amount("M001", "2024-02-01", 300_000),
            SeedLine.Amount("ZMZ01", "2024-02-01", 40_000),
            SeedLine.Amount("M001", "2024-01-20", -10_000),
            SeedLine.Amount("H126", "2023-12-20", 70_000),
            new SeedLine("H126", Day("2024-02-01"), 1, 555_000, Rejected: true));
        await _seed.FileAsync(A, "2024-03-20", SeedLine.Amount("H126", "2024-02-10", 5_000));
        await _seed.FileAsync(A, "2024-03-25", production: false, SeedLine.Amount("H126", "2024-02-11", 999_000));
        await _seed.FileAsync(A, "2024-04-01", SeedLine.Amount("H126", "2024-03-01", 888_000));
        await _seed.FileAsync(A, "2024-03-05", SeedLine.Amount("H126", "2022-12-01", 777_000));

        var inputs = (await LoadAsync("2024-04-01")).Inputs;

        Assert.Equal(
            [
                new ReceivedProduction(A, 2023, Day("2024-03-05"), 70_000, 0),
                new ReceivedProduction(A, 2024, Day("2024-03-05"), 800_000, 330_000),
                new ReceivedProduction(A, 2024, Day("2024-03-20"), 5_000, 0),
            ],
            inputs.Production.OrderBy(p => p.Year).ThenBy(p => p.ReceivedOn));
        Assert.Empty(inputs.TariffCorrections);
    }

    [Fact]
    public async Task The_signed_volume_is_summed_per_day_only_for_prestaties_whose_tariff_changed()
    {
        await _seed.TariefAsync(A, 2024, "Z015", 20_000, "2023-12-01");
        await _seed.TariefAsync(A, 2024, "Z015", 20_400, "2024-03-10");
        await _seed.TariefAsync(A, 2024, "H126", 1_000, "2023-12-01");
        await _seed.TariefAsync(B, 2024, "Z015", 20_000, "2023-12-01");
        await _seed.FileAsync(A, "2024-02-15",
            SeedLine.Debit("Z015", "2024-01-02", 30, 20_000),
            SeedLine.CreditOf("Z015", "2024-01-01", 5, 20_000),
            SeedLine.Debit("H126", "2024-01-02", 30, 1_000));
        await _seed.FileAsync(A, "2024-03-01", SeedLine.Debit("Z015", "2024-02-01", 29, 20_000));
        await _seed.FileAsync(A, "2024-03-12", SeedLine.Debit("Z015", "2024-03-01", 10, 20_400));
        await _seed.FileAsync(B, "2024-02-15", SeedLine.Debit("Z015", "2024-01-02", 30, 20_000));

        var inputs = (await LoadAsync("2024-05-01")).Inputs;

        // (20,400 − 20,000) × (30 − 5 + 29): the volume received before 10 March; counted from the run of 1 April.
        var correction = Assert.Single(inputs.TariffCorrections);
        Assert.Equal(new TariffCorrection(A, 2024, "Z015", Day("2024-04-01"), 20_000, 20_400, 54, 21_600), correction);

        // The money of the lines is the same whether its prestatie's tariff changed or not.
        Assert.Equal(
            25 * 20_000 + 30 * 1_000 + 29 * 20_000 + 10 * 20_400,
            inputs.Production.Where(p => p.Agb == A).Sum(p => p.NonExemptCents));
    }

    [Fact]
    public async Task Mndp_rows_count_only_when_accepted_and_the_rejected_ones_are_stored_with_the_run()
    {
        await _seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        await _seed.TariefAsync(A, 2024, "Z015", 20_000, "2023-12-01");
        await _seed.TariefAsync(B, 2024, "Z015", 20_000, "2023-12-01");
        await _seed.MndpAsync(A, 2024, 1, "Z015", 10, 20_000, "2024-02-10");
        await _seed.MndpAsync(A, 2024, 2, "Z015", 10, 19_000, "2024-02-11");
        await _seed.MndpAsync(A, 2024, 2, "H999", 10, 20_000, "2024-02-12");
        await _seed.MndpAsync(B, 2024, 1, "Z015", 10, 20_000, "2024-02-10");
        await _seed.MndpAsync("41009999", 2024, 1, "Z015", 10, 20_000, "2024-02-10");
        await _seed.MndpAsync(A, 2024, 3, "Z015", 10, 20_000, "2024-03-01");

        var store = new AdvanceRunStore(_database.DataSource);
        await store.ComputeAsync(Day("2024-03-01"));
        var run = (await store.GetRunAsync(Day("2024-03-01")))!;

        Assert.Equal(200_000, run.Run.For(A).ProductionOf(2024)!.NonExempt.MndpCents);
        Assert.Equal(0, run.Run.For(B).ProductionOf(2024)!.NonExempt.MndpCents);
        Assert.Equal(
            [
                (A, "H999", MndpRejectionReason.UnknownPrestatie, "Prestatie H999 is not contracted with 41000001 for 2024."),
                (A, "Z015", MndpRejectionReason.TariffDiffersFromContract, "Tariff 19000 of Z015 on 2024-02-11: contracted 20000."),
                (B, "Z015", MndpRejectionReason.NoCrisisafspraak, "Provider 41000002 has no crisisafspraak; its MNDP rows do not count."),
                ("41009999", "Z015", MndpRejectionReason.UnknownProvider, "AGB 41009999 is not a known provider."),
            ],
            run.RejectedMndp.Select(r => (AgbCode.ToText(r.Row.Agb), r.Row.Prestatiecode.ToString(), r.Reason, r.Explanation)));
        Assert.Equal(new MndpRow(AgbCode.ToInt(A), 2024, 2, PrestatieCode.Parse("Z015"), 10, 19_000, Day("2024-02-11")), run.RejectedMndp[1].Row);
    }

    [Fact]
    public async Task Lines_of_a_provider_not_in_the_providers_table_are_reported_not_paid()
    {
        await _seed.FileAsync("41000077", "2024-02-15", SeedLine.Amount("H126", "2024-01-02", 1_000));
        var store = new AdvanceRunStore(_database.DataSource);

        var computation = await store.ComputeAsync(Day("2024-03-01"));

        Assert.Equal(["41000077"], computation.Run.Run.UnknownAgbs);
        Assert.Equal(["41000077"], (await store.GetRunAsync(Day("2024-03-01")))!.Run.UnknownAgbs);
        Assert.Equal([A, B], computation.Run.Run.Providers.Select(p => p.Agb));
    }

    [Fact]
    public async Task The_history_is_the_items_of_the_approved_runs_before_the_run_date_only()
    {
        await _seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        var store = new AdvanceRunStore(_database.DataSource);
        var output = Path.Combine(Path.GetTempPath(), "wlz-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            await store.ComputeAsync(Day("2024-01-01"));
            await store.ApproveAsync(Day("2024-01-01"), "finance", output);
            await store.ComputeAsync(Day("2024-02-01"));

            var history = (await LoadAsync("2024-03-01")).Inputs.History;

            Assert.Equal([new PaidItem(A, Day("2024-01-01"), ItemKind.Werkvoorschot, 2024, 10_204_082)], history);
            Assert.Empty((await LoadAsync("2024-01-01")).Inputs.History);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task The_reference_rows_of_the_two_years_of_a_run_are_read()
    {
        await _seed.AfspraakAsync(A, 2023, 100_000_000, "2023-01-01");
        await _seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        await _seed.AfspraakAsync(A, 2024, 132_000_000, "2024-09-15");
        await _seed.AfspraakAsync(A, 2022, 1, "2022-01-01");
        await _seed.InvorderingAsync(B, 2021, 12_345);

        var inputs = (await LoadAsync("2024-10-01")).Inputs;

        Assert.Equal(
            [
                new Jaarafspraak(A, 2023, 100_000_000, Day("2023-01-01")),
                new Jaarafspraak(A, 2024, 120_000_000, Day("2024-01-01")),
                new Jaarafspraak(A, 2024, 132_000_000, Day("2024-09-15")),
            ],
            inputs.Jaarafspraken.OrderBy(j => j.GeldigVanaf));
        Assert.Equal([new Provider(A, Regime.Werkvoorschot, true), new Provider(B, Regime.Achteraf, false)], inputs.Providers);
        Assert.Equal([new Invordering(B, 2021, 12_345)], inputs.Invorderingen);
    }

    private async Task<LoadedFundingInputs> LoadAsync(string runDate)
    {
        await using var connection = await _database.OpenConnectionAsync();
        return await FundingInputsQuery.LoadAsync(connection, null, Day(runDate), FundingSettings.Default);
    }
}
