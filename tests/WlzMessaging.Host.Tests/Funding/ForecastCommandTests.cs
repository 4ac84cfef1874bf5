using System.Text.Json;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;

namespace WlzMessaging.Host.Tests.Funding;

/// <summary>
/// <c>wlz forecast</c> on the database, with the scenario of ForecastTests worked out by hand: J2024 = 120,000,000,
/// 8,000,000 capped (H126) and 500,000 exempt (M001) received on the 10th of February to June, the runs of January to June
/// approved; the statement of each approved run names its protocol.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ForecastCommandTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string A = "41000001";

    private readonly TempDirectory _out = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        var seed = new FundingSeed(_database.DataSource);
        await seed.ProviderAsync(A, "werkvoorschot");
        await seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        for (var month = 2; month <= 6; month++)
        {
            await seed.FileAsync(A, $"2024-{month:D2}-10",
                SeedLine.Amount("H126", $"2024-{month - 1:D2}-01", 8_000_000),
                SeedLine.Amount("M001", $"2024-{month - 1:D2}-01", 500_000));
        }

        for (var month = 1; month <= 6; month++)
        {
            var date = $"2024-{month:D2}-01";
            Assert.Equal(ExitCodes.Ok, (await WlzAsync("advance", "run", "--date", date)).ExitCode);
            Assert.Equal(ExitCodes.Ok, (await WlzAsync("advance", "approve", "--date", date, "--by", "test", "--out", _out.Path)).ExitCode);
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _out.Dispose();
    }

    [Fact]
    public async Task The_forecast_gives_the_advances_to_come_and_the_year_end_result_worked_out_by_hand()
    {
        var forecast = await WlzAsync("forecast", "--year", "2024", "--provider", A, "--format", "json");

        Assert.Equal(ExitCodes.Ok, forecast.ExitCode);
        using var json = JsonDocument.Parse(forecast.Out);
        Assert.Equal("2024-07-01", json.RootElement.GetProperty("from").GetString());
        var provider = Assert.Single(json.RootElement.GetProperty("providers").EnumerateArray());
        Assert.Equal(8_000_000, provider.GetProperty("paceCappedCents").GetInt64());
        Assert.Equal(500_000, provider.GetProperty("paceExemptCents").GetInt64());
        Assert.Equal(20_408_164 + 34_000_000, provider.GetProperty("paidSoFarCents").GetInt64());
        Assert.Equal(51_000_000, provider.GetProperty("advancesToComeCents").GetInt64());
        Assert.Equal(13_591_836, provider.GetProperty("yearEndResultCents").GetInt64());
        Assert.Equal(119_000_000, provider.GetProperty("projectedDueCents").GetInt64());
        Assert.Equal(10, provider.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task The_table_shows_euros_and_the_statement_names_the_protocol()
    {
        var forecast = await WlzAsync("forecast", "--year", "2024");
        var statement = await WlzAsync("statement", "--agb", A, "--year", "2024");

        Assert.Equal(ExitCodes.Ok, forecast.ExitCode);
        Assert.Contains("€135,918.36", forecast.Out, StringComparison.Ordinal);
        Assert.Contains("\nProtocol: vgz-wlz 2024 v1\n", statement.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_protocol_directory_changes_the_forecast_and_a_broken_one_is_refused_with_its_errors()
    {
        var second = await WlzAsync("forecast", "--year", "2024", "--format", "json", "--protocols", RepositoryRoot.Combine("testdata", "protocols", "second"));
        var broken = await WlzAsync("forecast", "--year", "2024", "--protocols", RepositoryRoot.Combine("testdata", "protocols", "broken"));

        // Cutoff 26 February 2025: one month fewer to come (July to February, 8); settlement in February and March.
        using var json = JsonDocument.Parse(second.Out);
        var provider = Assert.Single(json.RootElement.GetProperty("providers").EnumerateArray());
        Assert.Equal(42_500_000 + 8 * 8_500_000, provider.GetProperty("projectedDueCents").GetInt64());
        Assert.NotEqual(ExitCodes.Ok, broken.ExitCode);
        Assert.Contains("errors-2024.json: $.werkvoorschot.factor: '100/0' is not an exact fraction", broken.Error, StringComparison.Ordinal);
    }

    private Task<Wlz.Outcome> WlzAsync(params string[] args) =>
        Wlz.RunAsync([.. args, "--connection", _database.ConnectionString]);
}
