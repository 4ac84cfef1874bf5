using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Storage.Workers;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class HeartbeatReporterTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Writes_at_start_follows_the_worker_and_says_stopped_at_the_end()
    {
        var store = new WorkerStatusStore(_database.DataSource);
        var activity = new WorkerActivity("/srv/wlz/inbox", TimeSpan.FromSeconds(30));
        var reporter = new HeartbeatReporter(store, activity);
        using var stop = new CancellationTokenSource();
        var running = reporter.RunAsync(stop.Token);

        var starting = await WaitForAsync(store, w => w.State == WorkerState.Starting);
        Assert.True(starting.Running);
        Assert.Equal(Environment.ProcessId, starting.Pid);
        Assert.Equal(activity.WorkerId, starting.WorkerId);
        Assert.Equal("/srv/wlz/inbox", starting.Inbox);

        // Four files in the inbox, one taken: three waiting, one in hand (well before the 30 s interval).
        activity.InboxDepth(4);
        activity.Processing("/srv/wlz/inbox/AW319_0042.asc");
        var processing = await WaitForAsync(store, w => w.State == WorkerState.Processing);
        Assert.Equal("AW319_0042.asc", processing.CurrentFile);
        Assert.NotNull(processing.CurrentSince);
        Assert.Equal(3, processing.Waiting);

        activity.Finished("AW319_0042.asc", FileOutcomeKind.Processed);
        var idle = await WaitForAsync(store, w => w.State == WorkerState.Idle);
        Assert.Equal((3, null, 1L, "AW319_0042.asc"), (idle.Waiting, idle.CurrentFile, idle.FilesAnswered, idle.LastFile));

        await stop.CancelAsync();
        await running;
        var stopped = Assert.Single(await store.ReadAsync());
        Assert.Equal(WorkerState.Stopped, stopped.State);
        Assert.Null(stopped.CurrentFile);
        Assert.False(stopped.Running);
    }

    [Fact]
    public async Task Two_workers_on_one_machine_and_one_inbox_have_a_row_each()
    {
        var store = new WorkerStatusStore(_database.DataSource);
        var first = new WorkerActivity("/srv/wlz/inbox", TimeSpan.FromSeconds(30));
        var second = new WorkerActivity("/srv/wlz/inbox", TimeSpan.FromSeconds(30), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(first.StartedAt.AddMilliseconds(1)));
        first.Processing("a.asc");
        second.Processing("b.asc");

        await store.WriteAsync(first.Current());
        await store.WriteAsync(second.Current());

        Assert.NotEqual(first.WorkerId, second.WorkerId);
        var rows = await store.ReadAsync();
        Assert.Equal(["a.asc", "b.asc"], rows.Select(r => r.CurrentFile).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_older_revision_never_overwrites_a_newer_one()
    {
        var store = new WorkerStatusStore(_database.DataSource);
        var activity = new WorkerActivity("/srv/wlz/inbox", TimeSpan.FromSeconds(30));
        var before = activity.Current();
        activity.Processing("a.asc");
        await store.WriteAsync(activity.Current());

        await store.WriteAsync(before); // a periodic write that lost the race with the worker's own

        Assert.Equal("a.asc", Assert.Single(await store.ReadAsync()).CurrentFile);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_does_not_stop_the_reporter()
    {
        await using var nowhere = Npgsql.NpgsqlDataSource.Create("Host=/nonexistent-wlz-socket-dir;Port=5432;Database=x;Username=x;Timeout=2");
        var activity = new WorkerActivity("/srv/wlz/inbox", TimeSpan.FromSeconds(2));
        var reporter = new HeartbeatReporter(new WorkerStatusStore(nowhere), activity);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await reporter.RunAsync(stop.Token); // returns when stopped, without throwing

        Assert.Equal(WorkerState.Stopped, activity.Current().State);
    }

    private static async Task<WorkerStatus> WaitForAsync(WorkerStatusStore store, Func<WorkerStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = (await store.ReadAsync()).FirstOrDefault(condition);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "the worker's row did not arrive");
            await Task.Delay(100);
        }
    }
}
