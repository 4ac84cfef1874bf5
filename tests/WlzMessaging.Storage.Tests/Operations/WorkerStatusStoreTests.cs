using Npgsql;
using WlzMessaging.Storage.Workers;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class WorkerStatusStoreTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Started = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(1));

    private TestDatabase _database = null!;
    private WorkerStatusStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _store = new WorkerStatusStore(_database.DataSource);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static WorkerStatus Beat(string id, WorkerState state = WorkerState.Idle, int? waiting = null, string? file = null, long revision = 0) =>
        new(id, "host-a", 4242, "/srv/inbox", Started, TimeSpan.FromSeconds(10), state, waiting, file, file is null ? null : Started.AddMinutes(1),
            FilesAnswered: 2, FilesQuarantined: 1, LastFile: "prev.asc", LastFileAt: Started.AddSeconds(30), Revision: revision);

    [Fact]
    public async Task A_worker_that_beats_is_running_and_its_later_beat_replaces_the_first()
    {
        await _store.WriteAsync(Beat("w1", WorkerState.Starting));
        await _store.WriteAsync(Beat("w1", WorkerState.Processing, waiting: 7, file: "AW319_0001.asc", revision: 1));

        var worker = Assert.Single(await _store.ReadAsync());
        Assert.Equal("w1", worker.WorkerId);
        Assert.Equal(WorkerState.Processing, worker.State);
        Assert.Equal(7, worker.Waiting);
        Assert.Equal("AW319_0001.asc", worker.CurrentFile);
        Assert.Equal(Started.AddMinutes(1), worker.CurrentSince);
        Assert.Equal(("/srv/inbox", 2L, 1L, "prev.asc", Started.AddSeconds(30)), (worker.Inbox, worker.FilesAnswered, worker.FilesQuarantined, worker.LastFile, worker.LastFileAt));
        Assert.True(worker.HasFileInHand);
        Assert.Equal(Started, worker.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(10), worker.Interval);
        Assert.True(worker.Running);
        Assert.False(worker.Stale);
    }

    [Fact]
    public async Task A_beat_older_than_twice_the_interval_is_stale_and_not_running()
    {
        await _store.WriteAsync(Beat("w2", WorkerState.Processing, file: "x.asc"));
        await SetSeenAgoAsync("w2", seconds: 21);

        var worker = Assert.Single(await _store.ReadAsync(), w => w.WorkerId == "w2");
        Assert.True(worker.Stale);
        Assert.False(worker.Running);
        Assert.InRange(worker.SinceSeen, TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_stopped_worker_is_not_running_and_old_rows_are_pruned()
    {
        await _store.WriteAsync(Beat("w3", WorkerState.Stopped));
        await _store.WriteAsync(Beat("w4"));
        await SetSeenAgoAsync("w4", seconds: 3 * 24 * 3600);

        var workers = await _store.ReadAsync();
        var stopped = Assert.Single(workers, w => w.WorkerId == "w3");
        Assert.False(stopped.Running);
        Assert.DoesNotContain(workers, w => w.WorkerId == "w4"); // not seen within a day

        Assert.True(await _store.PruneAsync(TimeSpan.FromDays(2)) >= 1);
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(0L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM worker_status WHERE worker_id = 'w4'"));
    }

    [Fact]
    public async Task A_write_with_an_older_revision_changes_nothing()
    {
        await _store.WriteAsync(Beat("w5", WorkerState.Processing, file: "new.asc", revision: 5));
        await _store.WriteAsync(Beat("w5", WorkerState.Idle, revision: 4));

        Assert.Equal("new.asc", Assert.Single(await _store.ReadAsync(), w => w.WorkerId == "w5").CurrentFile);
    }
    [Fact]
    public async Task A_worker_with_several_files_in_hand_names_the_oldest_and_the_others_in_the_order_taken()
    {
        await _store.WriteAsync(Beat("w6", WorkerState.Processing, file: "a.asc", revision: 1) with { AlsoInHand = ["b.asc", "c.asc"] });
        Assert.Equal(["b.asc", "c.asc"], Assert.Single(await _store.ReadAsync(), w => w.WorkerId == "w6").AlsoInHand!);

        // Back to one file, then none: the others are cleared with it.
        await _store.WriteAsync(Beat("w6", WorkerState.Processing, file: "c.asc", revision: 2));
        Assert.Empty(Assert.Single(await _store.ReadAsync(), w => w.WorkerId == "w6").AlsoInHand!);
        await _store.WriteAsync(Beat("w6", WorkerState.Idle, revision: 3) with { AlsoInHand = ["stale.asc"] });
        Assert.Empty(Assert.Single(await _store.ReadAsync(), w => w.WorkerId == "w6").AlsoInHand!);
    }

    private async Task SetSeenAgoAsync(string workerId, int seconds)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("UPDATE worker_status SET seen_at = now() - make_interval(secs => $2) WHERE worker_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workerId });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = seconds });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
