using System.Text.Json;
using WlzMessaging.Ingestion.Nightly;
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
        await nightly.FinishAsync(new DateOnly(2025, 3, 4), NightlyReportWithABsn());

        var outcome = await StatusAsync();

        Assert.Equal(0, outcome.ExitCode);
        var text = outcome.Out;
        Assert.Contains("worker      running\n", text, StringComparison.Ordinal);
        Assert.Matches(@"host-a:4242:20260101T090000\.000 \(host-a, pid 4242, started \d{4}-\d\d-\d\d \d\d:\d\d CES?T\): processing busy\.asc; seen \d+ s ago", text);
        Assert.Matches(@"host-b:99:20260101T090000\.000 \(host-b, pid 99, .*\): no heartbeat for 5 min \(expected every 10 s\): not running; it last said idle", text);
        Assert.Contains("inbox       12 files waiting\n", text, StringComparison.Ordinal);
        Assert.Matches(@"in hand     busy\.asc, worker host-a:4242:20260101T090000\.000 since \d{4}-\d\d-\d\d \d\d:\d\d CES?T \(\d+ s\)\n", text);
        Assert.Contains("done        7 answered, 1 quarantined by the running worker since start\n", text, StringComparison.Ordinal);
        Assert.Matches(@"last AW320  \d{4}-\d\d-\d\d \d\d:\d\d CES?T done\.aw320 for file \d+ \(AGB 73730001\): processed, 1 lines, received [0-9-]+; input done\.asc\n", text);
        Assert.Matches(@"nightly     2025-03-04: finished \d{4}-\d\d-\d\d \d\d:\d\d CES?T \(took \d+ s\)\n", text);
        Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);

        // The nightly report as labelled lines under it, figures aligned, amounts in euros; not the camelCase tree.
        Assert.Contains(
            """
                          Files answered                          3
                          Files quarantined                       0
                          Stale claims released                   0
                          Credits matched                         2
                          Credits without their debit             0
                          Re-debits matched                       1
                          Corrections, net                        -€66.30
                          Production recomputed (provider-years)  1
                          Tariff corrections                      0
                          Tariff corrections, amount              €0.00
                          Herschikkingen taking effect            0
                          Late MAZ lines listed for resubmission  0
                          Open declaration years                  2024, 2025
            """,
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("lateMazLines", text, StringComparison.Ordinal);
        Assert.DoesNotContain("999000001", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_has_agb_codes_as_eight_digit_strings_amsterdam_times_and_the_nightly_figures()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await OperationsSeed.FileAsync(_database.DataSource, new SeedFile
        {
            Name = "done.asc",
            Provider = 3730001,
            ReceivedOn = today,
            Lines = [OperationsSeedLine.Approve(new(today.Year, 1, 6), 100)],
        });
        var nightly = new NightlyRunStore(_database.DataSource);
        await nightly.BeginAsync(new DateOnly(2025, 3, 4));
        await nightly.FinishAsync(new DateOnly(2025, 3, 4), NightlyReportWithABsn());

        var outcome = await StatusAsync("--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var root = json.RootElement;
        Assert.Equal("03730001", root.GetProperty("lastAnswer").GetProperty("agb").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00$", root.GetProperty("lastAnswer").GetProperty("writtenAt").GetString());
        var figures = root.GetProperty("lastNightly").GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("2", figures["Credits matched"]);
        Assert.Equal("-€66.30", figures["Corrections, net"]);
        Assert.Equal("0", figures["Late MAZ lines listed for resubmission"]);
        Assert.Equal(-6630, root.GetProperty("lastNightly").GetProperty("report").GetProperty("correctionNetCents").GetInt64());
        Assert.DoesNotContain("999000001", outcome.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// A report as the nightly job writes it (specs/operations.md's example, one provider), with a BSN put in by mistake:
    /// the views must not show it.
    /// </summary>
    private static string NightlyReportWithABsn()
    {
        var report = new NightlyReport
        {
            Date = new DateOnly(2025, 3, 4),
            FilesProcessed = 3,
            Credits = 2,
            Redebits = 1,
            CorrectionNetCents = -6630,
            ProductionYearsRecomputed = 1,
            OpenYears = [2024, 2025],
            Files = new NightlyFiles("processed", 3, 0, 0, 0, 0, 0, 0, 0, 0),
            Providers = [new NightlyProvider { Agb = "73730001", ProviderName = "Zorggroep De Linde", Credits = 2, Redebits = 1, CorrectionNetCents = -6630 }],
        };
        var json = System.Text.Json.Nodes.JsonNode.Parse(NightlyJob.ToJson(report))!;
        json["bsn"] = 999000001;
        return json.ToJsonString();
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
