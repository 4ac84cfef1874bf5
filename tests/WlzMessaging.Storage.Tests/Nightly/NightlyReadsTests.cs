using WlzMessaging.Storage.Nightly;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;
using static WlzMessaging.Testing.Funding.Months;

namespace WlzMessaging.Storage.Tests.Nightly;

/// <summary>
/// What the nightly steps read back after they write (<see cref="ProviderCorrections"/>, <see cref="ProviderNames"/>): the
/// rows Dapper maps by column name, each figure where the record expects it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NightlyReadsTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string A = "41000001";
    private const string B = "41000002";

    private TestDatabase _database = null!;
    private FundingSeed _seed = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _seed = new FundingSeed(_database.DataSource);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task The_day_s_corrections_and_production_come_back_per_provider_and_year()
    {
        await _seed.ProviderAsync(A);
        await _seed.ProviderAsync(B);
        await _seed.FileAsync(
            A,
            "2024-03-05",
            SeedLine.Debit("Z015", "2024-02-01", 10, 1_000),
            SeedLine.Debit("Z015", "2024-02-08", 3, 1_000),
            SeedLine.CreditOf("Z015", "2024-01-01", 2, 1_000));
        await _seed.FileAsync(B, "2024-03-04", SeedLine.Debit("Z015", "2024-02-01", 1, 500));

        await using var day = await NightlyDay.BeginAsync(_database.DataSource, Day("2024-03-05"), CancellationToken.None);
        await ProviderCorrections.MatchAsync(day, CancellationToken.None);
        var counts = await ProviderCorrections.CountAsync(day, CancellationToken.None);
        var production = await ProviderCorrections.RecomputeProductionAsync(day, CancellationToken.None);
        var names = await ProviderNames.ReadAsync(day, CancellationToken.None);

        // The credit names a reference no debit has: matched to nothing. B's file came the day before: not this day's.
        Assert.Equal([new ProviderCorrectionCount(41000001, Credits: 1, CreditsUnmatched: 1, Redebits: 0, NetCents: -2_000)], counts);
        Assert.Equal([new ProductionYear(41000001, 2024, Months: 2, ApprovedCents: 11_000)], production);
        Assert.Equal("Zorgaanbieder 41000001", names[41000001]);
        Assert.Equal("Zorgaanbieder 41000002", names[41000002]);
        Assert.Equal(2, names.Count);
    }
}
