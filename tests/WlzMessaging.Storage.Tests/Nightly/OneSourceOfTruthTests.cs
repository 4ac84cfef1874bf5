using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Storage.Nightly;
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
}
