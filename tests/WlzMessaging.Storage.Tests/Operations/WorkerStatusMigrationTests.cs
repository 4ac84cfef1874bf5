using Dapper;
using WlzMessaging.Storage.Migrations;
using WlzMessaging.Storage.Workers;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Operations;

/// <summary>
/// Migration 0025 makes one table of worker (0002) and worker_heartbeat (0004): every row of both is in worker_status
/// afterwards, with what it held, and the two tables are gone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerStatusMigrationTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync(migrated: false);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Every_worker_and_heartbeat_row_moves_into_worker_status()
    {
        await new SchemaMigrator(MigrationCatalog.Embedded.Where(m => m.Version < 25)).MigrateAsync(_database.DataSource);
        await using (var connection = await _database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO worker_heartbeat (worker_id, host, pid, started_at, seen_at, interval_seconds, inbox, current_file, state)
                VALUES ('wlz-1:/srv/wlz/inbox', 'wlz-1', 4242, '2026-11-01T08:00:00Z', '2026-11-01T09:00:00Z', 10, 7, 'busy.asc', 'processing'),
                       ('wlz-2:/srv/other', 'wlz-2', 99, '2026-11-01T08:00:00Z', '2026-11-01T08:30:00Z', 30, NULL, NULL, 'stopped');
                INSERT INTO worker (worker_id, host, pid, started_at, heartbeat_at, state, inbox, current_file, files_done, last_file, last_file_at)
                VALUES ('wlz-1:4242:20261101T080000', 'wlz-1', 4242, '2026-11-01T08:00:00Z', '2026-11-01T09:00:00Z', 'idle', '/srv/wlz/inbox',
                        NULL, 12, 'last.asc', '2026-11-01T08:59:00Z');
                """);
        }

        await SchemaMigrator.Default.MigrateAsync(_database.DataSource);

        var rows = (await new WorkerStatusStore(_database.DataSource).ReadAsync(TimeSpan.FromDays(36500))).ToDictionary(w => w.WorkerId);
        Assert.Equal(3, rows.Count);
        var beat = rows["wlz-1:/srv/wlz/inbox"];
        Assert.Equal(("wlz-1", 4242, "/srv/wlz/inbox", WorkerState.Processing, 7, "busy.asc"), (beat.Host, beat.Pid, beat.Inbox, beat.State, beat.Waiting, beat.CurrentFile));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), beat.SeenAt);
        Assert.Equal(TimeSpan.FromSeconds(10), beat.Interval);
        Assert.Equal(WorkerState.Stopped, rows["wlz-2:/srv/other"].State);
        Assert.Equal(TimeSpan.FromSeconds(30), rows["wlz-2:/srv/other"].Interval);
        var worker = rows["wlz-1:4242:20261101T080000"];
        Assert.Equal((WorkerState.Idle, "/srv/wlz/inbox", 12L, "last.asc"), (worker.State, worker.Inbox, worker.FilesAnswered, worker.LastFile));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 59, 0, TimeSpan.Zero), worker.LastFileAt);

        await using var after = await _database.OpenConnectionAsync();
        Assert.Equal(0L, await after.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('worker', 'worker_heartbeat')"));
    }
}
