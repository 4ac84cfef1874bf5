using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using WlzMessaging.Host.Tests.Operations;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Storage;
using WlzMessaging.Storage.History;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Worker;

/// <summary>
/// <c>wlz run</c> hosts the operators' side itself: a real worker process serves the dashboard on a free port, keeps its
/// row in worker_status from starting to stopped, serves /metrics and /healthz beside it, runs the nightly job of the day
/// due when it starts, and its three views of the mailbox (status, dashboard, metrics) agree while a file is in hand.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class OperatorSideTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly Mailbox _mailbox = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        _database = await fixture.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _mailbox.Dispose();
    }

    [Fact]
    public async Task The_worker_serves_the_dashboard_beats_and_runs_the_nightly_job()
    {
        await using var worker = WorkerProcess.Start(["run", .. _mailbox.RunOptions(_database.ConnectionString)]);
        await worker.WaitUntilAsync(() => worker.Lines.Any(l => DashboardOn().IsMatch(l)), Patience, "the dashboard's address");
        var url = worker.Lines.Select(l => DashboardOn().Match(l)).First(m => m.Success).Groups[1].Value;

        // Its row: this process (a unique id: machine, pid, start), idle, counting an empty inbox.
        await using var connection = await _database.OpenConnectionAsync();
        await worker.WaitUntilAsync(
            () => connection.ExecuteScalar<string>("SELECT state FROM worker_status WHERE pid = @Id", new { worker.Id }) == "idle",
            Patience, "an idle worker row");
        var workerId = await connection.ExecuteScalarAsync<string>("SELECT worker_id FROM worker_status WHERE pid = @Id", new { worker.Id });
        Assert.StartsWith($"{Environment.MachineName}:{worker.Id}:", workerId, StringComparison.Ordinal);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int?>("SELECT waiting FROM worker_status WHERE worker_id = @workerId", new { workerId }));

        // A file arrives and is answered; the dashboard served by the worker shows it and the worker running.
        var staging = Path.Combine(_mailbox.Root, "a.aw319");
        await Aw319Files.GenerateAsync(staging, 50, seed: 61);
        Mailbox.ArrivedOn(staging, Aw319Files.Received);
        File.Move(staging, Path.Combine(_mailbox.Inbox, "a.aw319"));
        await worker.WaitUntilAsync(() => File.Exists(Path.Combine(_mailbox.Outbox, "a.aw320")), Patience, "a.aw320 in the outbox");

        using var http = new HttpClient();
        JsonNode? snapshot = null;
        await worker.WaitUntilAsync(
            () =>
            {
                // The dashboard reads at most every 4 s: ask until it has caught up with the file.
                snapshot = JsonNode.Parse(http.GetStringAsync(new Uri(url + "/api/dashboard")).GetAwaiter().GetResult());
                return snapshot!["aw320"]!["total"]!.GetValue<long>() == 1;
            },
            Patience,
            "the AW320 on the dashboard");
        Assert.True(snapshot!["workerRunning"]!.GetValue<bool>());
        Assert.Contains(snapshot["workers"]!.AsArray(), w => w!["workerId"]!.GetValue<string>() == workerId);
        Assert.Equal(0, snapshot["inboxDepth"]!.GetValue<int>());
        var page = await http.GetStringAsync(new Uri(url + "/"));
        Assert.Contains("Last nightly run", page, StringComparison.Ordinal);

        // At start the worker ran the nightly job of the latest day due; the inbox it leaves to its own loop.
        var report = await connection.ExecuteScalarAsync<string>("SELECT report::text FROM nightly_run WHERE finished_at IS NOT NULL");
        Assert.Equal("worker", JsonNode.Parse(report!)!["files"]!["inbox"]!.GetValue<string>());
        Assert.NotNull(snapshot["lastNightly"]);

        if (Chromium.Installed)
        {
            var dom = await Chromium.DumpDomAsync(url + "/");
            var text = Regex.Replace(Regex.Replace(dom, "<[^>]+>", " "), @"\s+", " ");
            Assert.Contains("worker running", text, StringComparison.Ordinal);
            Assert.Contains("a.aw320", text, StringComparison.Ordinal);
        }

        // The same host serves the health and the metrics, GET and HEAD.
        using var health = await http.GetAsync(new Uri(url + "/healthz"));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        var checks = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        Assert.Equal("healthy", checks["status"]!.GetValue<string>());
        Assert.Equal("healthy", checks["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("writable", checks["checks"]!["inbox"]!["description"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$", checks["checks"]!["lastPass"]!["description"]!.GetValue<string>());
        var metrics = await http.GetStringAsync(new Uri(url + "/metrics"));
        Assert.Equal(1, Gauge(metrics, "wlz_mailbox_files", "answered"));
        Assert.Matches(@"(?m)^wlz_files_processed(_total)?\{[^}]*outcome=""processed""[^}]*\} 1", metrics);
        Assert.Matches(@"(?m)^wlz_lines_per_minute", metrics);
        Assert.Contains("db_client_", metrics, StringComparison.Ordinal); // Npgsql's own meter
        foreach (var path in new[] { "/healthz", "/metrics" })
        {
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url + path)));
            Assert.Equal(System.Net.HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("nosniff", string.Join(',', head.Headers.GetValues("X-Content-Type-Options")));
        }

        Assert.Equal(0, await worker.TerminateAsync(Patience));
        Assert.Equal("stopped", await connection.ExecuteScalarAsync<string>("SELECT state FROM worker_status WHERE worker_id = @workerId", new { workerId }));
    }

    [Fact]
    public async Task Health_is_503_while_the_database_cannot_be_reached_and_the_web_host_answers_from_the_start()
    {
        await using var worker = WorkerProcess.Start(["run", .. _mailbox.RunOptions("Host=/nonexistent-wlz-socket-dir;Port=5432;Database=wlz;Username=wlz;Timeout=2")]);
        await worker.WaitUntilAsync(() => worker.Lines.Any(l => DashboardOn().IsMatch(l)), Patience, "the dashboard's address");
        var url = worker.Lines.Select(l => DashboardOn().Match(l)).First(m => m.Success).Groups[1].Value;
        using var http = new HttpClient();

        using var health = await http.GetAsync(new Uri(url + "/healthz"));
        using var dashboard = await http.GetAsync(new Uri(url + "/api/dashboard"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var checks = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        Assert.Equal("unhealthy", checks["status"]!.GetValue<string>());
        Assert.Equal("not reached yet", checks["checks"]!["database"]!["description"]!.GetValue<string>());
        Assert.Equal("healthy", checks["checks"]!["inbox"]!["status"]!.GetValue<string>());
        Assert.Equal("degraded", checks["checks"]!["lastPass"]!["status"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, dashboard.StatusCode);
        Assert.Equal(0, await worker.TerminateAsync(Patience));
    }

    /// <summary>
    /// Issue 16: status, the dashboard and the metrics say the same at the same moment. The test holds the provider's lock
    /// (ProviderLock, as a second writer of that provider would), so the worker's file of that provider blocks in hand,
    /// deterministically: the test waits until the worker waits for the lock, then takes the three views. Every file is in
    /// the inbox before the worker starts, so its first look sees them all: a (another provider) is answered, junk
    /// quarantined, b taken and held, c and d wait (c read, waiting for b's turn). a is stored beside b (two files in hand)
    /// and may still be publishing its answer when b blocks, so the test waits until a is counted before it takes the views.
    /// </summary>
    [Fact]
    public async Task Status_dashboard_and_metrics_say_the_same_while_a_file_is_in_hand()
    {
        await using var holder = await _database.OpenConnectionAsync();
        await holder.ExecuteAsync("SELECT pg_advisory_lock(@KeySpace, @Agb)", new { ProviderLock.KeySpace, Agb = Provider });
        var early = Aw319Files.Received.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        await new WlzMessaging.Generator.Aw319Generator(new WlzMessaging.Generator.Aw319GeneratorOptions { Lines = 50, Seed = 71, Agb = Provider + 1 })
            .WriteFileAsync(Path.Combine(_mailbox.Inbox, "a.aw319"));
        await File.WriteAllTextAsync(Path.Combine(_mailbox.Inbox, "junk.aw319"), "not a declaration\n");
        File.SetLastWriteTimeUtc(Path.Combine(_mailbox.Inbox, "a.aw319"), early);
        File.SetLastWriteTimeUtc(Path.Combine(_mailbox.Inbox, "junk.aw319"), early);
        foreach (var name in new[] { "b.aw319", "c.aw319", "d.aw319" })
        {
            await DropAsync(name, seed: (ulong)(72 + name[0]));
        }

        await using var worker = WorkerProcess.Start(["run", .. _mailbox.RunOptions(_database.ConnectionString)], new Dictionary<string, string> { ["WLZ_Nightly__Enabled"] = "false" });
        await worker.WaitUntilAsync(() => worker.Lines.Any(l => DashboardOn().IsMatch(l)), Patience, "the dashboard's address");
        var url = worker.Lines.Select(l => DashboardOn().Match(l)).First(m => m.Success).Groups[1].Value;

        await using var watcher = await _database.OpenConnectionAsync();
        await worker.WaitUntilAsync(
            () => watcher.ExecuteScalar<long>(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = @KeySpace::oid AND objid = @Agb::oid AND objsubid = 2",
                new { KeySpace = (long)ProviderLock.KeySpace, Agb = (long)Provider }) == 1,
            Patience, "the worker waiting for the provider's lock with b.aw319 in hand");
        await worker.WaitUntilAsync(() => File.Exists(Path.Combine(_mailbox.Outbox, "a.aw320")), Patience, "a.aw320 in the outbox");
        Assert.True(File.Exists(Path.Combine(_mailbox.Quarantine, "junk.aw319")));

        // a.aw319 (another provider) is stored beside b.aw319 (Worker:FilesAtOnce 2) and its answer is published just before
        // the worker counts it: the three views are read once it is counted, when nothing moves until the lock is let go.
        using var http = new HttpClient();
        await worker.WaitUntilAsync(
            () => Gauge(http.GetStringAsync(new Uri(url + "/metrics")).GetAwaiter().GetResult(), "wlz_mailbox_files", "answered") == 1,
            Patience, "a.aw319 answered in the metrics");
        await worker.WaitUntilAsync(
            () => watcher.ExecuteScalar<long>("SELECT coalesce(sum(files_answered), 0) FROM worker_status WHERE state <> 'stopped'") == 1,
            Patience, "a.aw319 answered in the worker's row");

        var status = await Wlz.RunAsync("status", "--format", "json", "--connection", _database.ConnectionString);
        var dashboard = JsonNode.Parse(await http.GetStringAsync(new Uri(url + "/api/dashboard")))!;
        var metrics = await http.GetStringAsync(new Uri(url + "/metrics"));

        Assert.Equal(0, status.ExitCode);
        var statusJson = JsonNode.Parse(status.Out)!;
        var views = new[]
        {
            ("status", statusJson["inHand"]!.AsArray().Select(f => f!["fileName"]!.GetValue<string>()).ToArray(), statusJson["inboxDepth"]!.GetValue<int>(),
                statusJson["filesAnswered"]!.GetValue<long>(), statusJson["filesQuarantined"]!.GetValue<long>()),
            ("dashboard", dashboard["inHand"]!.AsArray().Select(f => f!["fileName"]!.GetValue<string>()).ToArray(), dashboard["inboxDepth"]!.GetValue<int>(),
                dashboard["filesAnswered"]!.GetValue<long>(), dashboard["filesQuarantined"]!.GetValue<long>()),
            ("metrics", Gauge(metrics, "wlz_mailbox_files", "in_hand") == 1 ? ["b.aw319"] : [], (int)Gauge(metrics, "wlz_mailbox_files", "waiting"),
                Gauge(metrics, "wlz_mailbox_files", "answered"), Gauge(metrics, "wlz_mailbox_files", "quarantined")),
        };
        foreach (var (view, inHand, waiting, answered, quarantined) in views)
        {
            Assert.True(
                inHand.SequenceEqual(["b.aw319"]) && waiting == 2 && answered == 1 && quarantined == 1,
                $"{view}: in hand [{string.Join(", ", inHand)}], waiting {waiting}, answered {answered}, quarantined {quarantined}");
        }

        Assert.Equal(2, Gauge(metrics, "wlz_inbox_depth", null));
        var text = await Wlz.RunAsync("status", "--connection", _database.ConnectionString);
        Assert.Contains("inbox       2 files waiting\n", text.Out, StringComparison.Ordinal);
        Assert.Contains("in hand     b.aw319, worker ", text.Out, StringComparison.Ordinal);

        // The lock let go: every file answered, and status and metrics say so.
        await holder.ExecuteAsync("SELECT pg_advisory_unlock(@KeySpace, @Agb)", new { ProviderLock.KeySpace, Agb = Provider });
        await worker.WaitUntilAsync(() => Mailbox.Names(_mailbox.Outbox, "*.aw320").Length == 4, Patience, "every AW320");
        await worker.WaitUntilAsync(
            () => Gauge(http.GetStringAsync(new Uri(url + "/metrics")).GetAwaiter().GetResult(), "wlz_mailbox_files", "answered") == 4,
            Patience, "four answered in the metrics");
        var after = JsonNode.Parse((await Wlz.RunAsync("status", "--format", "json", "--connection", _database.ConnectionString)).Out)!;
        Assert.Empty(after["inHand"]!.AsArray());
        Assert.Equal((0, 4L), (after["inboxDepth"]!.GetValue<int>(), after["filesAnswered"]!.GetValue<long>()));
        Assert.Equal(0, await worker.TerminateAsync(Patience));
    }

    /// <summary>The provider of every generated file (the generator's default AGB).</summary>
    private const int Provider = 41_000_001;

    private async Task DropAsync(string name, ulong seed)
    {
        var staging = Path.Combine(_mailbox.Root, name);
        await Aw319Files.GenerateAsync(staging, 50, seed);
        Mailbox.ArrivedOn(staging, Aw319Files.Received);
        File.Move(staging, Path.Combine(_mailbox.Inbox, name));
    }

    /// <summary>A gauge's value in Prometheus' text format, by its <c>state</c> label (null: the series without one).</summary>
    private static long Gauge(string metrics, string name, string? state)
    {
        var label = state is null ? "" : $@"[^}}]*state=""{state}""";
        var match = Regex.Match(metrics, $@"(?m)^{name}(\{{{label}[^}}]*\}})? (\d+)");
        Assert.True(match.Success, $"{name} {state} not in /metrics:\n{metrics}");
        return long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Dashboard on (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex DashboardOn();
}
