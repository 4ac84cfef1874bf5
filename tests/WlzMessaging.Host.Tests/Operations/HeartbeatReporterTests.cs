using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class HeartbeatReporterTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Beats_at_start_follows_the_state_and_says_stopped_at_the_end()
    {
        var store = new WorkerHeartbeatStore(_database.DataSource);
        var reporter = new HeartbeatReporter(store, "test-worker", TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource();
        var running = reporter.RunAsync(stop.Token);

        var starting = await WaitForAsync(store, w => w.State == WorkerState.Starting);
        Assert.True(starting.Running);
        Assert.Equal(Environment.ProcessId, starting.Pid);

        reporter.Inbox(4);
        reporter.Processing("/srv/wlz/inbox/AW319_0042.asc");
        var processing = await WaitForAsync(store, w => w.State == WorkerState.Processing); // well before the 30 s interval
        Assert.Equal("AW319_0042.asc", processing.CurrentFile);
        Assert.Equal(4, processing.Inbox);

        await stop.CancelAsync();
        await running;
        var stopped = Assert.Single(await store.ReadAsync());
        Assert.Equal(WorkerState.Stopped, stopped.State);
        Assert.Null(stopped.CurrentFile);
        Assert.False(stopped.Running);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_does_not_stop_the_reporter()
    {
        await using var nowhere = Npgsql.NpgsqlDataSource.Create("Host=/nonexistent-wlz-socket-dir;Port=5432;Database=x;Username=x;Timeout=2");
        var reporter = new HeartbeatReporter(new WorkerHeartbeatStore(nowhere), "w", TimeSpan.FromSeconds(2));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await reporter.RunAsync(stop.Token); // returns when stopped, without throwing

        Assert.Equal(WorkerState.Starting, reporter.Current().State);
    }

    private static async Task<WorkerStatus> WaitForAsync(WorkerHeartbeatStore store, Func<WorkerStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = (await store.ReadAsync()).FirstOrDefault(condition);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "the heartbeat did not arrive");
            await Task.Delay(100);
        }
    }
}
