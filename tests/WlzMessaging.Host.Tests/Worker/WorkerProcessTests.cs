using Dapper;
using Npgsql;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Operations;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Worker;

/// <summary>
/// The worker as operators run it: a real <c>wlz run</c> process, killed with SIGKILL in the middle of a file, sharing an
/// inbox with a second worker, losing its database and getting it back, stopped with SIGTERM.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerProcessTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>The worker's debug line for an attempt to reach the database that failed again.</summary>
    private const string StillDown = "Database still unavailable";

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

    private async Task<Dictionary<string, long>> DropAsync(params (string Name, long Lines, ulong Seed)[] files)
    {
        var lines = new Dictionary<string, long>();
        foreach (var (name, count, seed) in files)
        {
            // Written beside the inbox and renamed in, as a mailbox client does: never seen half-way.
            var staging = Path.Combine(_mailbox.Root, name);
            await Aw319Files.GenerateAsync(staging, count, seed);
            Mailbox.ArrivedOn(staging, Aw319Files.Received);
            File.Move(staging, Path.Combine(_mailbox.Inbox, name));
            lines[name] = count;
        }

        return lines;
    }

    private WorkerProcess StartWorker(bool once = false, string? connection = null, IReadOnlyDictionary<string, string>? environment = null) =>
        WorkerProcess.Start(["run", .. once ? new[] { "--once" } : [], .. _mailbox.RunOptions(connection ?? _database.ConnectionString)], environment);

    private bool OutboxHolds(string name) => File.Exists(Path.Combine(_mailbox.Outbox, name));

    private async Task WaitForNoOtherSessionsAsync()
    {
        var unpooled = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString;
        var deadline = DateTime.UtcNow + Patience;
        while (await Sql.ScalarAsync<long>(
            unpooled, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the killed workers' sessions did not end");
            await Task.Delay(50);
        }
    }

    /// <summary>Every input answered exactly once: in the archive with its AW320, its lines stored once, one AW320 in the outbox.</summary>
    private async Task AssertEachFileAnsweredOnceAsync(Dictionary<string, long> files, string connectionString)
    {
        Assert.Empty(Mailbox.Names(_mailbox.Inbox));
        Assert.Empty(Mailbox.Names(_mailbox.Quarantine));
        Assert.Equal(files.Keys.Select(FileJob.AnswerNameOf).Order(StringComparer.Ordinal), Mailbox.Names(_mailbox.Outbox));
        Assert.Empty(Mailbox.Names(_mailbox.Outbox, ".*"));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var stored = (await connection.QueryAsync<(long Id, string Name, string Status, int Lines)>(
            "SELECT id, file_name, status, line_count FROM vektis_file")).ToList();
        Assert.Equal(files.Count, stored.Count);
        foreach (var file in stored)
        {
            Assert.Equal("processed", file.Status);
            Assert.Equal(files[file.Name], file.Lines);
            Assert.Equal(files[file.Name], await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM declaration_line WHERE file_id = @Id", new { file.Id }));
            Assert.True(File.Exists(Path.Combine(_mailbox.Archive, $"{file.Id:D8}-{file.Name}")), $"{file.Name} archived");
            var answer = await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, FileJob.AnswerNameOf(file.Name)));
            Assert.Equal(answer, await File.ReadAllBytesAsync(Path.Combine(_mailbox.Archive, $"{file.Id:D8}-{FileJob.AnswerNameOf(file.Name)}")));
            Assert.Equal(
                await Aw319Files.AdjudicatedAnswerAsync(Path.Combine(_mailbox.Archive, $"{file.Id:D8}-{file.Name}"), file.Id, Aw319Files.Received, 5509, Amsterdam.Today(TimeProvider.System)),
                answer);
        }

        Assert.Equal(files.Values.Sum(), await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task Killed_with_SIGKILL_in_the_middle_of_files_it_loses_nothing_and_doubles_nothing()
    {
        var files = await DropAsync(("big.aw319", 40_000, 31), ("small1.aw319", 1_500, 32), ("small2.aw319", 1_500, 33), ("small3.aw319", 1_500, 34));
        var temporary = Path.Combine(_mailbox.Outbox, ".big.aw320.tmp");
        var bigInput = new FileInfo(Path.Combine(_mailbox.Inbox, "big.aw319")).Length;
        long Written() => File.Exists(temporary) ? new FileInfo(temporary).Length : 0;

        // Round 1: killed while the big file's AW320 and lines are being written.
        await using (var worker = StartWorker())
        {
            await worker.WaitUntilAsync(() => Written() > 1_000_000, Patience, "the big file's first megabyte");
            await worker.KillAsync();
        }

        Assert.False(OutboxHolds("big.aw320"));
        Assert.True(File.Exists(Path.Combine(_mailbox.Inbox, "big.aw319")));

        // Rounds 2-4: killed at later moments, each waited for rather than guessed with a sleep: half-way through the big
        // file, at its end (an AW320 record is longer than an AW319 record, so the answer is past the input's length only in
        // the file's last part; if the worker got further, it is killed after the rename), and among the small files.
        // Each round starts the big file again: the round before rolled it back.
        (Func<bool> Moment, string What)[] moments =
        [
            (() => Written() > bigInput / 2, "the big file half-way"),
            (() => Written() > bigInput || OutboxHolds("big.aw320"), "the end of the big file"),
            (() => Mailbox.Names(_mailbox.Outbox, "small*.aw320").Length > 0, "the first small file answered"),
        ];
        foreach (var (moment, what) in moments)
        {
            await using var worker = StartWorker();
            await worker.WaitUntilAsync(moment, Patience, what);
            await worker.KillAsync();
        }

        // Then a run to the end, once the killed workers' sessions are gone: a session (and the file lock it holds) ends
        // when the server notices the closed socket, and a run with --once leaves a file that another session holds.
        await WaitForNoOtherSessionsAsync();
        await using (var last = StartWorker(once: true))
        {
            Assert.Equal(0, await last.WaitForExitAsync(Patience));
        }

        await AssertEachFileAnsweredOnceAsync(files, _database.ConnectionString);
    }

    [Fact]
    public async Task Two_workers_on_one_inbox_and_one_database_never_process_a_file_twice()
    {
        var files = await DropAsync(Enumerable.Range(1, 12).Select(i => ($"f{i:D2}.aw319", 4_000L + i, (ulong)(40 + i))).ToArray());

        await using var first = StartWorker();
        await using var second = StartWorker();
        await first.WaitUntilAsync(() => Mailbox.Names(_mailbox.Outbox, "*.aw320").Length == files.Count, Patience, "every AW320");
        await first.WaitUntilAsync(() => first.Count("Processed f") + second.Count("Processed f") >= files.Count, Patience, "every file logged as processed");
        Assert.Equal(0, await first.TerminateAsync(Patience));
        Assert.Equal(0, await second.TerminateAsync(Patience));

        var processed = first.Lines.Concat(second.Lines).Where(l => l.Contains("Processed f", StringComparison.Ordinal)).ToList();
        Assert.Equal(files.Count, processed.Count);
        foreach (var name in files.Keys)
        {
            Assert.Single(processed, l => l.Contains($"Processed {name} as file", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(first.Lines.Concat(second.Lines), l => l.Contains("could not be processed", StringComparison.Ordinal));

        // Logs name files, ids and counts, never a client: no BSN of any input appears in them.
        var bsns = Directory.EnumerateFiles(_mailbox.Archive, "*.aw319")
            .SelectMany(f => File.ReadLines(f, System.Text.Encoding.Latin1))
            .Where(l => l.StartsWith("02", StringComparison.Ordinal))
            .Select(l => l[14..23])
            .ToHashSet();
        Assert.True(bsns.Count > 1_000);
        Assert.DoesNotContain(first.Lines.Concat(second.Lines), l => bsns.Any(b => l.Contains(b, StringComparison.Ordinal)));
        await AssertEachFileAnsweredOnceAsync(files, _database.ConnectionString);
    }

    [Fact]
    public async Task With_the_database_down_at_start_and_in_the_middle_it_waits_and_carries_on_when_it_is_back()
    {
        var directory = ScratchDirectory.NewPath();
        var server = await EmbeddedPostgres.StartAsync(directory, EmbeddedPostgresOptions.ForTests);
        var connectionString = server.ConnectionString;
        await server.DisposeAsync();
        try
        {
            // Debug shows every attempt to reach the database ("Database still unavailable"), so the test can wait for
            // attempts made while a file waits in the inbox instead of sleeping.
            await using var worker = StartWorker(connection: connectionString, environment: new Dictionary<string, string> { ["WLZ_Logging__LogLevel__WlzMessaging"] = "Debug" });
            await worker.WaitForAsync("Database unavailable", Patience);
            var files = await DropAsync(("one.aw319", 2_000, 51));
            await worker.WaitForAsync(StillDown, Patience, times: worker.Count(StillDown) + 2);
            Assert.True(File.Exists(Path.Combine(_mailbox.Inbox, "one.aw319")), "the inbox is left alone while the database is down");
            Assert.Empty(Mailbox.Names(_mailbox.Outbox));

            server = await EmbeddedPostgres.StartAsync(directory, EmbeddedPostgresOptions.ForTests);
            await worker.WaitUntilAsync(() => OutboxHolds("one.aw320"), Patience, "one.aw320");
            Assert.Equal(1, worker.Count("Database available again"));

            // Down again, in the middle of a big file.
            foreach (var (name, count) in await DropAsync(("two.aw319", 300_000, 52)))
            {
                files[name] = count;
            }

            await worker.WaitUntilAsync(() => File.Exists(Path.Combine(_mailbox.Outbox, ".two.aw320.tmp")), Patience, "two.aw319 in hand");
            await server.DisposeAsync();
            await worker.WaitForAsync("Database unavailable", Patience, times: 2);
            await worker.WaitForAsync(StillDown, Patience, times: worker.Count(StillDown) + 2);
            Assert.True(File.Exists(Path.Combine(_mailbox.Inbox, "two.aw319")));
            Assert.False(OutboxHolds("two.aw320"));

            server = await EmbeddedPostgres.StartAsync(directory, EmbeddedPostgresOptions.ForTests);
            await worker.WaitUntilAsync(() => OutboxHolds("two.aw320"), Patience, "two.aw320");
            Assert.Equal(0, await worker.TerminateAsync(Patience));

            // One line per change of state, however many attempts were made in between.
            Assert.Equal(2, worker.Count("Database unavailable"));
            Assert.Equal(2, worker.Count("Database available again"));
            Assert.Equal(1, worker.Count("stopped"));
            await AssertEachFileAnsweredOnceAsync(files, connectionString);
        }
        finally
        {
            await server.DisposeAsync();
            await EmbeddedPostgres.DeleteIfUnusedAsync(directory, EmbeddedPostgresOptions.ForTests);
        }
    }

    [Theory]
    [InlineData(90, true)] // ample for 150,000 lines on a busy machine, inside the test's patience
    [InlineData(0, false)]
    public async Task SIGTERM_finishes_the_file_in_hand_or_rolls_it_back_never_half(int graceSeconds, bool finished)
    {
        var files = await DropAsync(("term.aw319", 150_000, 61));
        await using var worker = StartWorker(environment: new Dictionary<string, string> { ["WLZ_Worker__StopGraceSeconds"] = $"{graceSeconds}" });
        await worker.WaitUntilAsync(() => File.Exists(Path.Combine(_mailbox.Outbox, ".term.aw320.tmp")), Patience, "term.aw319 in hand");

        Assert.Equal(0, await worker.TerminateAsync(Patience));

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        if (finished)
        {
            await AssertEachFileAnsweredOnceAsync(files, _database.ConnectionString);
        }
        else
        {
            Assert.Equal(1, worker.Count("its transaction is rolled back and it stays in the inbox"));
            Assert.True(File.Exists(Path.Combine(_mailbox.Inbox, "term.aw319")));
            Assert.False(OutboxHolds("term.aw320"));
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vektis_file"));
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
        }
    }
}
