using System.Globalization;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Testing;
using static WlzMessaging.Testing.FeedbackScenario;

namespace WlzMessaging.Storage.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class FeedbackQueriesTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FeedbackRows _rows = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        await SeedAsync(_database.DataSource);
        _rows = await new FeedbackQueries(_database.DataSource).ReadAsync(Month);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void The_agreement_in_force_is_the_latest_revision_by_the_end_of_the_month()
    {
        var linde = Assert.Single(_rows.Agreements, a => a.ProviderAgb == Linde);
        Assert.Equal(LindeAgreement, linde.JaarafspraakCents);
        Assert.Equal(new DateOnly(2025, 3, 15), linde.GeldigVanaf);
        Assert.Equal(500_000, Assert.Single(_rows.Agreements, a => a.ProviderAgb == Baken).JaarafspraakCents);
        Assert.Equal(2, _rows.Agreements.Count);
    }

    [Fact]
    public void Production_is_approved_net_per_care_month_received_by_the_end_of_the_month()
    {
        var linde = _rows.LinesByCareMonth.Where(p => p.ProviderAgb == Linde).ToList();
        Assert.Equal([(1, 200_000L), (2, 300_000L), (3, 150_000L)], linde.Select(p => (p.Month, p.ApprovedCents)));
        Assert.Equal(LindeProduction, linde.Sum(p => p.ApprovedCents));
        Assert.Equal(1, linde.Single(p => p.Month == 1).CreditLines);
        Assert.Equal(10_000, Assert.Single(_rows.LinesByCareMonth, p => p.ProviderAgb == Unknown).ApprovedCents);

        // The total as the advance run counts it: the same lines (no MNDP or tariff change in this scenario).
        Assert.Equal(LindeProduction, Assert.Single(_rows.Production, p => p.Agb == Linde.ToString(CultureInfo.InvariantCulture)).TotalCents);
        Assert.Equal(10_000, Assert.Single(_rows.Production, p => p.Agb == Unknown.ToString(CultureInfo.InvariantCulture)).LinesCents);
    }

    [Fact]
    public void Rejections_count_each_code_in_the_month_and_in_the_year_of_production_files_only()
    {
        var linde = _rows.Rejections.Where(r => r.ProviderAgb == Linde).ToDictionary(r => r.Code);
        Assert.Equal((1L, 3L), (linde[8290].InMonth, linde[8290].InYear));
        Assert.Equal((0L, 1L), (linde[8226].InMonth, linde[8226].InYear));
        Assert.Equal((1L, 1L), (linde[8288].InMonth, linde[8288].InYear));
        Assert.False(linde.ContainsKey(8614)); // received in May
        Assert.False(linde.ContainsKey(8021)); // a test file
    }

    [Fact]
    public void Rejected_lines_count_once_whatever_their_codes()
    {
        var linde = Assert.Single(_rows.RejectedLines, r => r.ProviderAgb == Linde);
        Assert.Equal((2L, 4L), (linde.InMonth, linde.InYear)); // 5 codes on 4 lines in the year
    }

    [Fact]
    public void Names_come_from_the_provider_table()
    {
        Assert.Equal("Zorggroep De Linde", _rows.ProviderNames[Linde]);
        Assert.False(_rows.ProviderNames.ContainsKey(Unknown));
    }

    [Fact]
    public async Task Another_care_year_can_be_asked_for()
    {
        var rows = await new FeedbackQueries(_database.DataSource).ReadAsync(Month, year: 2024);
        Assert.Equal(9_000_000, Assert.Single(rows.Agreements).JaarafspraakCents);
        Assert.Equal(55_000, Assert.Single(rows.LinesByCareMonth).ApprovedCents);
        Assert.Equal(55_000, Assert.Single(rows.Production, p => p.TotalCents != 0).TotalCents);
    }
}
