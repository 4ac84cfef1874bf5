using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;
using static WlzMessaging.Testing.Funding.Months;

namespace WlzMessaging.Storage.Tests.Funding;

/// <summary>
/// A run records the protocol of each of its years, a statement names it, and a protocol changed after a run was approved
/// does not change that run. The exempt list of the year's protocol decides what the query counts as exempt.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProtocolRecordTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string A = "41000001";

    private readonly string _out = Path.Combine(Path.GetTempPath(), "wlz-protocol-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private FundingSeed _seed = null!;

    /// <summary>The VGZ 2024 protocol as version 2 with a factor of 1: another file, another label and hash.</summary>
    private static readonly AdvanceProtocol Changed = AdvanceProtocolReader.Vgz2024 with
    {
        Version = 2,
        WerkvoorschotFactor = new Fraction(1, 1),
        Sha256 = new string('a', 64),
    };

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _seed = new FundingSeed(_database.DataSource);
        await _seed.ProviderAsync(A, "werkvoorschot");
        await _seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task An_approved_run_keeps_its_protocol_and_its_amounts_when_the_protocol_changes()
    {
        var before = new AdvanceRunStore(_database.DataSource);
        await before.ComputeAsync(Day("2024-01-01"));
        await before.ApproveAsync(Day("2024-01-01"), "operator", _out);

        // The protocol changes: the next run computes with the new one, the approved run stays as it was.
        var after = new AdvanceRunStore(_database.DataSource, FundingSettings.With(Changed));
        var february = (await after.ComputeAsync(Day("2024-02-01"))).Run.Run;
        var january = (await after.GetRunAsync(Day("2024-01-01")))!.Run;

        Assert.Equal(10_204_082, january.For(A).AmountOf(ItemKind.Werkvoorschot, 2024));
        Assert.Equal(["vgz-wlz 2024 v1 (carried to 2023)", "vgz-wlz 2024 v1"], january.Protocols.Select(p => p.Label));
        Assert.Equal(AdvanceProtocolReader.Vgz2024.Sha256, january.Protocols[1].Sha256);
        Assert.Equal(10_000_000, february.For(A).AmountOf(ItemKind.Werkvoorschot, 2024));
        Assert.Equal("vgz-wlz 2024 v2", (await after.GetRunAsync(Day("2024-02-01")))!.Run.Protocols[1].Label);

        await after.ApproveAsync(Day("2024-02-01"), "operator", _out);
        var (statement, _) = await after.GetYearStatementAsync(A, 2024);
        Assert.Equal(["vgz-wlz 2024 v1", "vgz-wlz 2024 v2"], statement.Protocols);
        Assert.Equal(10_204_082 + 10_000_000, statement.WerkvoorschotPaidCents);
    }

    [Fact]
    public async Task The_protocol_of_an_approved_run_cannot_be_changed_in_the_database()
    {
        var store = new AdvanceRunStore(_database.DataSource);
        await store.ComputeAsync(Day("2024-01-01"));
        await store.ApproveAsync(Day("2024-01-01"), "operator", _out);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var update = new Npgsql.NpgsqlCommand("UPDATE advance_run_protocol SET label = 'other' WHERE year = 2024", connection);
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("is approved and cannot change", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_counts_as_exempt_what_the_year_s_protocol_exempts()
    {
        await _seed.FileAsync(A, "2024-03-05",
            SeedLine.Amount("Z015", "2024-02-01", 1_000_000),
            SeedLine.Amount("I001", "2024-02-01", 50_000),
            SeedLine.Amount("M001", "2024-02-01", 7_000));
        var second = Changed with { ExemptPrestaties = new HashSet<string>(StringComparer.Ordinal) { "M001", "ZMZ01", "Z015" } };

        var vgz = await LoadAsync(FundingSettings.Default);
        var other = await LoadAsync(FundingSettings.With(second));

        Assert.Equal(new ReceivedProduction(A, 2024, Day("2024-03-05"), 1_000_000, 57_000), Assert.Single(vgz.Inputs.Production));
        Assert.Equal(new ReceivedProduction(A, 2024, Day("2024-03-05"), 50_000, 1_007_000), Assert.Single(other.Inputs.Production));
    }

    private async Task<LoadedFundingInputs> LoadAsync(FundingSettings settings)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await FundingInputsQuery.LoadAsync(connection, null, Day("2024-04-01"), settings);
    }
}
