using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using WlzMessaging.Host.Tests.Operations;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Storage;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Worker;

/// <summary>
/// <c>wlz run</c> hosts the operators' side itself: a real worker process serves the dashboard on a free port, keeps its
/// heartbeat in worker_heartbeat from starting to stopped, and runs the nightly job of the day due when it starts.
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

        // The heartbeat: this worker, idle, counting an empty inbox.
        await using var connection = await _database.OpenConnectionAsync();
        var workerId = $"{Environment.MachineName}:{_mailbox.Inbox}";
        await worker.WaitUntilAsync(
            () => connection.ExecuteScalar<string>("SELECT state FROM worker_heartbeat WHERE worker_id = @workerId", new { workerId }) == "idle",
            Patience, "an idle heartbeat");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int?>("SELECT inbox FROM worker_heartbeat WHERE worker_id = @workerId", new { workerId }));

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

        Assert.Equal(0, await worker.TerminateAsync(Patience));
        Assert.Equal("stopped", await connection.ExecuteScalarAsync<string>("SELECT state FROM worker_heartbeat WHERE worker_id = @workerId", new { workerId }));
    }

    [GeneratedRegex(@"Dashboard on (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex DashboardOn();
}
