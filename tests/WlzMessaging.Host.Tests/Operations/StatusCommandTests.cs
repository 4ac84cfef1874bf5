using System.Text.Json;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Storage.Workers;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class StatusCommandTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<Wlz.Outcome> StatusAsync(params string[] extra) =>
        Wlz.RunAsync(["status", "--connection", _database.ConnectionString, .. extra]);

    [Fact]
    public async Task A_database_without_workers_or_files_says_nothing_runs()
    {
        var outcome = await StatusAsync();

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Out.Split('\n');
        Assert.StartsWith("database    reachable: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("worker      not running (no worker has reported in the last day)", lines);
        Assert.Contains("inbox       unknown (no running worker reports it)", lines);
        Assert.Contains("in hand     none", lines);
        Assert.Contains("last AW320  none written yet", lines);
        Assert.Contains("nightly     never run", lines);
    }

    [Fact]
    public async Task A_running_worker_its_file_the_last_answer_and_the_nightly_run_are_shown()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await OperationsSeed.FileAsync(_database.DataSource, new SeedFile
        {
            Name = "done.asc",
            Provider = 73730001,
            ReceivedOn = today,
            Lines = [OperationsSeedLine.Approve(new(today.Year, 1, 6), 100)],
        });
        var workers = new WorkerStatusStore(_database.DataSource);
        await workers.WriteAsync(new WorkerStatus(
            "host-a:4242:20260101T090000.000", "host-a", 4242, "/srv/inbox", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10), WorkerState.Processing, 12, "busy.asc",
            DateTimeOffset.UtcNow.AddSeconds(-3), FilesAnswered: 7, FilesQuarantined: 1));
        await workers.WriteAsync(new WorkerStatus("host-b:99:20260101T090000.000", "host-b", 99, "/srv/inbox", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10), WorkerState.Idle, 5));
        await using (var connection = await _database.OpenConnectionAsync())
        {
            await Sql.ExecuteAsync(connection, "UPDATE worker_status SET seen_at = now() - interval '5 minutes' WHERE worker_id = 'host-b:99:20260101T090000.000'");
        }

        var nightly = new NightlyRunStore(_database.DataSource);
        await nightly.BeginAsync(new DateOnly(2025, 3, 4));
        await nightly.FinishAsync(new DateOnly(2025, 3, 4), """{"corrections": 3, "bsn": 999000001, "perProvider": {"73730001": 3}}""");

        var outcome = await StatusAsync();

        Assert.Equal(0, outcome.ExitCode);
        var text = outcome.Out;
        Assert.Contains("worker      running\n", text, StringComparison.Ordinal);
        Assert.Matches(@"host-a:4242:20260101T090000\.000 \(host-a, pid 4242, started [0-9: -]+\): processing busy\.asc; seen \d+ s ago", text);
        Assert.Matches(@"host-b:99:20260101T090000\.000 \(host-b, pid 99, .*\): no heartbeat for 5 min \(expected every 10 s\): not running; it last said idle", text);
        Assert.Contains("inbox       12 files waiting\n", text, StringComparison.Ordinal);
        Assert.Matches(@"in hand     busy\.asc, worker host-a:4242:20260101T090000\.000 since [0-9: -]+ \(\d+ s\)\n", text);
        Assert.Contains("done        7 answered, 1 quarantined by the running worker since start\n", text, StringComparison.Ordinal);
        Assert.Matches(@"last AW320  [0-9: -]+ done\.aw320 for file \d+ \(AGB 73730001\): processed, 1 lines", text);
        Assert.Matches(@"nightly     2025-03-04: finished [0-9: -]+ \(took \d+ s\); corrections 3", text);
        Assert.DoesNotContain("999000001", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_says_whether_a_worker_runs()
    {
        await new WorkerStatusStore(_database.DataSource).WriteAsync(
            new WorkerStatus("w", "h", 1, "/inbox", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), WorkerState.Stopped));

        var outcome = await StatusAsync("--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        Assert.True(json.RootElement.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.False(json.RootElement.GetProperty("workerRunning").GetBoolean());
        Assert.Equal("stopped", json.RootElement.GetProperty("workers")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_unreachable_database_fails_with_one_line()
    {
        var outcome = await Wlz.RunAsync("status", "--connection", "Host=/nonexistent-wlz-socket-dir;Port=5432;Database=wlz;Username=wlz;Timeout=3");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("wlz status: database unreachable", outcome.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("", outcome.Out);
    }
}
