using System.Text.Json;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class NightlyRunStoreTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NightlyRunStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _store = new NightlyRunStore(_database.DataSource);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Without_runs_there_is_no_last_run()
    {
        Assert.Null(await _store.ReadLastAsync());
    }

    [Fact]
    public async Task A_run_is_unfinished_until_it_finishes_with_its_report_and_the_latest_date_is_the_last()
    {
        var day = new DateOnly(2025, 3, 4);
        await _store.BeginAsync(day.AddDays(-1));
        await _store.FinishAsync(day.AddDays(-1), """{"corrections": 1}""");
        await _store.BeginAsync(day);

        var running = await _store.ReadLastAsync();
        Assert.NotNull(running);
        Assert.Equal(day, running.Date);
        Assert.False(running.Finished);
        Assert.Null(running.Report);

        await _store.FinishAsync(day, """{"corrections": 3, "providers": {"73730001": 3}}""");
        var finished = await _store.ReadLastAsync();
        Assert.NotNull(finished);
        Assert.True(finished.Finished);
        Assert.True(finished.FinishedAt >= finished.StartedAt);
        using var report = JsonDocument.Parse(finished.Report!);
        Assert.Equal(3, report.RootElement.GetProperty("corrections").GetInt32());
    }

    [Fact]
    public async Task Running_a_date_again_starts_its_row_afresh()
    {
        var day = new DateOnly(2025, 5, 6);
        await _store.BeginAsync(day);
        await _store.FinishAsync(day, "{}");
        await _store.BeginAsync(day);

        var again = await _store.ReadLastAsync();
        Assert.NotNull(again);
        Assert.False(again.Finished);
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(1L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM nightly_run WHERE run_date = '2025-05-06'"));
    }
}
