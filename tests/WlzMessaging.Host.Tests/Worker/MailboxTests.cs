using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Text;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Worker;

/// <summary>
/// Whatever lands in the mailbox ends answered or quarantined within one pass, and the normal file beside it is still
/// answered in that pass: names that collide, names of any length or encoding, control characters in names, FIFOs,
/// sockets, devices, directories, links (dangling or not), empty and CR LF-only files, files still being written, and a
/// database that goes away. The worker runs in-process against a real inbox and the real PostgreSQL of the fixture; its log
/// is captured. The next odd case belongs here.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MailboxTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

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
    public async Task Two_inputs_with_one_base_name_get_two_answers_and_neither_is_overwritten()
    {
        await DropAsync("jan.aw319", seed: 101);
        await DropAsync("jan.asc", seed: 102);
        await DropNormalAsync();

        var run = await RunOnceAsync();

        var first = await AnswerOfAsync("jan.aw319");
        var second = await AnswerOfAsync("jan.asc");
        Assert.NotEqual(first, second);
        Assert.Contains("jan.aw320", new[] { first, second });
        Assert.Matches("^jan-[0-9a-f]{8}\\.aw320$", first == "jan.aw320" ? second : first);
        Assert.Equal(new[] { first, second, NormalAnswer }.Order(StringComparer.Ordinal), Mailbox.Names(_mailbox.Outbox));
        await AssertAnswerIsOfAsync("jan.aw319", first);
        await AssertAnswerIsOfAsync("jan.asc", second);
        Assert.Equal(0, run.Result.Failed);
    }

    [Fact]
    public async Task One_name_in_two_runs_of_wlz_process_into_one_directory_gets_two_answers()
    {
        var input = Path.Combine(_mailbox.Root, "feb.aw319");
        var outDirectory = Path.Combine(_mailbox.Root, "out");
        string[] Process() => ["process", input, "--out", outDirectory, "--received", "2026-02-16", "--uzovi", "5509", "--connection", _database.ConnectionString];

        await Aw319Files.GenerateAsync(input, 30, seed: 103);
        Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(Process())).ExitCode);
        var firstAnswer = await File.ReadAllBytesAsync(Path.Combine(outDirectory, "feb.aw320"));
        await Aw319Files.GenerateAsync(input, 40, seed: 104);
        var second = await Wlz.RunAsync(Process());

        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        var names = Mailbox.Names(outDirectory);
        Assert.Equal(2, names.Length);
        Assert.Equal(firstAnswer, await File.ReadAllBytesAsync(Path.Combine(outDirectory, "feb.aw320")));
        var other = Assert.Single(names, n => n != "feb.aw320");
        Assert.Matches("^feb-[0-9a-f]{8}\\.aw320$", other);
        Assert.Contains($"AW320 {Path.Combine(outDirectory, other)}", second.Out, StringComparison.Ordinal);
        Assert.Equal(40, (await Aw319Files.AnsweredLinesAsync(Path.Combine(outDirectory, other))).Count);
    }

    [Theory]
    [InlineData(241)]
    [InlineData(244)]
    [InlineData(250)]
    [InlineData(255)]
    public async Task A_name_of_any_length_is_answered_once_and_every_name_made_from_it_fits(int bytes)
    {
        var name = new string('n', bytes - ".aw319".Length) + ".aw319";
        await DropAsync(name, seed: 105);
        await DropNormalAsync();

        var run = await RunOnceAsync();

        var answer = await AnswerOfAsync(name);
        Assert.True(Encoding.UTF8.GetByteCount(answer) <= MailboxNames.NameMax);
        Assert.Equal(new[] { answer, NormalAnswer }.Order(StringComparer.Ordinal), Mailbox.Names(_mailbox.Outbox));
        Assert.Empty(Mailbox.Names(_mailbox.Inbox));
        Assert.All(Mailbox.Names(_mailbox.Archive), n => Assert.True(Encoding.UTF8.GetByteCount(n) <= MailboxNames.NameMax, n));
        Assert.Equal(4, Mailbox.Names(_mailbox.Archive).Length);
        Assert.Equal(0, run.Result.Failed);
        await AssertAnswerIsOfAsync(name, answer);
    }

    [Fact]
    public async Task A_long_name_of_multibyte_characters_is_cut_between_characters()
    {
        var name = string.Concat(Enumerable.Repeat("é", 124)) + ".aw319";
        Assert.Equal(254, Encoding.UTF8.GetByteCount(name));
        await DropAsync(name, seed: 106);
        await DropNormalAsync();

        await RunOnceAsync();

        var answer = await AnswerOfAsync(name);
        Assert.StartsWith("ééé", answer, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', answer);
        Assert.Contains(answer, Mailbox.Names(_mailbox.Outbox));
        Assert.Contains(NormalAnswer, Mailbox.Names(_mailbox.Outbox));
    }

    [Fact]
    public async Task A_FIFO_a_socket_a_device_and_a_directory_are_quarantined_without_being_opened()
    {
        Run("mkfifo", Path.Combine(_mailbox.Inbox, "pipe.aw319"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_mailbox.Inbox, "socket.aw319")));
        Directory.CreateDirectory(Path.Combine(_mailbox.Inbox, "folder.aw319"));
        File.CreateSymbolicLink(Path.Combine(_mailbox.Inbox, "null.aw319"), "/dev/null");
        var device = Environment.IsPrivilegedProcess;
        if (device)
        {
            Run("mknod", Path.Combine(_mailbox.Inbox, "device.aw319"), "c", "1", "3");
        }

        await DropNormalAsync();

        var run = await RunOnceAsync();

        Assert.Equal([NormalAnswer], Mailbox.Names(_mailbox.Outbox));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_mailbox.Inbox));
        Assert.StartsWith("pipe.aw319 is a named pipe (FIFO), not a file", await ReasonAsync("pipe.aw319"), StringComparison.Ordinal);
        Assert.StartsWith("socket.aw319 is a socket, not a file", await ReasonAsync("socket.aw319"), StringComparison.Ordinal);
        Assert.StartsWith("folder.aw319 is a directory, not a file", await ReasonAsync("folder.aw319"), StringComparison.Ordinal);
        Assert.StartsWith("null.aw319 is a symbolic link to /dev/null, which is a character device, not a file", await ReasonAsync("null.aw319"), StringComparison.Ordinal);
        if (device)
        {
            Assert.StartsWith("device.aw319 is a character device, not a file", await ReasonAsync("device.aw319"), StringComparison.Ordinal);
        }

        Assert.True(Directory.Exists(Path.Combine(_mailbox.Quarantine, "folder.aw319")));
        Assert.Equal(0, run.Result.Failed);
    }

    [Fact]
    public async Task A_dangling_link_and_a_loop_of_links_are_quarantined_and_the_run_ends()
    {
        File.CreateSymbolicLink(Path.Combine(_mailbox.Inbox, "dangling.aw319"), Path.Combine(_mailbox.Root, "nowhere.aw319"));
        File.CreateSymbolicLink(Path.Combine(_mailbox.Inbox, "loop-a.aw319"), Path.Combine(_mailbox.Inbox, "loop-b.aw319"));
        File.CreateSymbolicLink(Path.Combine(_mailbox.Inbox, "loop-b.aw319"), Path.Combine(_mailbox.Inbox, "loop-a.aw319"));
        await DropNormalAsync();

        await RunOnceAsync();

        Assert.Equal([NormalAnswer], Mailbox.Names(_mailbox.Outbox));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_mailbox.Inbox));
        Assert.Equal(
            $"dangling.aw319 is a symbolic link to {Path.Combine(_mailbox.Root, "nowhere.aw319")}, which does not exist; the inbox takes files only\n",
            await ReasonAsync("dangling.aw319"));
        Assert.Contains("a loop of links", await ReasonAsync("loop-a.aw319"), StringComparison.Ordinal);

        // The link itself is what was quarantined, never followed.
        Assert.NotNull(new FileInfo(Path.Combine(_mailbox.Quarantine, "dangling.aw319")).LinkTarget);
    }

    [Fact]
    public async Task A_symlinked_input_is_followed_once_and_its_bytes_are_archived_never_the_link()
    {
        var target = Path.Combine(_mailbox.Root, "elsewhere.aw319");
        await Aw319Files.GenerateAsync(target, 25, seed: 107);
        var bytes = await File.ReadAllBytesAsync(target);
        var link = Path.Combine(_mailbox.Inbox, "linked.aw319");
        File.CreateSymbolicLink(link, target);

        // The link's own time is the day it arrived (the received day); the target's time orders it before the normal file.
        Run("touch", "-h", "-d", "2026-02-16T09:00:00Z", link);
        Mailbox.ArrivedOn(target, Aw319Files.Received.AddDays(-30));
        await DropNormalAsync();

        await RunOnceAsync();

        Assert.Equal(["linked.aw320", NormalAnswer], Mailbox.Names(_mailbox.Outbox));
        await using var connection = await _database.OpenConnectionAsync();
        var id = await Aw319Files.FileIdAsync(connection, "linked.aw319");
        var archived = new FileInfo(Path.Combine(_mailbox.Archive, $"{id:D8}-linked.aw319"));
        Assert.Null(archived.LinkTarget);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(archived.FullName));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(target));
        Assert.Equal(Aw319Files.Received, await connection.ExecuteScalarAsync<DateOnly>("SELECT received_on FROM vektis_file WHERE id = @id", new { id }));
        await AssertAnswerIsOfAsync("linked.aw319", "linked.aw320");
    }

    [Fact]
    public async Task A_name_that_is_not_UTF8_is_reported_escaped_renamed_and_answered()
    {
        await DropNormalAsync();
        var source = Path.Combine(_mailbox.Root, "latin1.aw319");
        await Aw319Files.GenerateAsync(source, 20, seed: 108);
        Mailbox.ArrivedOn(source, Aw319Files.Received);

        // "mär.aw319" written by a client in Latin-1: the byte E4 alone is not UTF-8.
        Run("sh", "-c", "mv \"$0\" \"$1/m$(printf '\\344')r.aw319\"", source, _mailbox.Inbox);

        var run = await RunOnceAsync();

        Assert.Contains(run.Lines, l => l.Contains("m\\xE4r.aw319 has a name that is not UTF-8; renamed to m%E4r.aw319", StringComparison.Ordinal));
        Assert.Equal(["m%E4r.aw320", NormalAnswer], Mailbox.Names(_mailbox.Outbox));
        await AssertAnswerIsOfAsync("m%E4r.aw319", "m%E4r.aw320");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_mailbox.Inbox));
    }

    [Fact]
    public async Task Control_characters_in_names_are_escaped_in_every_log_line_and_reason()
    {
        var name = "\u001b[31mred\u001b[0m\u202e.aw319";
        await DropAsync(name, seed: 109);
        var junk = "line\nbreak.txt";
        await File.WriteAllTextAsync(Path.Combine(_mailbox.Inbox, junk), "not a declaration\n");
        Mailbox.ArrivedOn(Path.Combine(_mailbox.Inbox, junk), Aw319Files.Received);
        Run("mkfifo", Path.Combine(_mailbox.Inbox, "\u001b]0;title\u0007.aw319"));
        await DropNormalAsync();

        var run = await RunOnceAsync();

        Assert.Contains(run.Lines, l => l.Contains("Processed \\x1B[31mred\\x1B[0m\\u{202E}.aw319 as file", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("Not a Vektis declaration, not answered: line\\x0Abreak.txt", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("\\x1B]0;title\\x07.aw319 is a named pipe (FIFO)", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.Any(c => char.IsControl(c) || c == '\u202e'));
        Assert.Contains(NormalAnswer, Mailbox.Names(_mailbox.Outbox));
        Assert.Contains("\\x1B]0;title\\x07.aw319 is a named pipe (FIFO)", await ReasonsTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', await ReasonsTextAsync());
    }

    [Fact]
    public async Task A_reference_cell_with_control_characters_is_quoted_escaped()
    {
        var directory = Path.Combine(_mailbox.Root, "reference");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(
            Path.Combine(directory, "afspraken.csv"), "agb;jaar;jaarafspraak_cent;geldig_vanaf\n73730001;2024;12\u001b[2J;2024-01-01\n");

        var outcome = await Wlz.RunAsync("reference", "import", directory, "--connection", _database.ConnectionString);

        Assert.NotEqual(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("12\\x1B[2J", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', outcome.Error + outcome.Out);
        Assert.Contains("afspraken.csv: 1 problem, table", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_and_line_end_only_files_are_quarantined_each_with_what_it_is()
    {
        await File.WriteAllBytesAsync(Path.Combine(_mailbox.Inbox, "empty.aw319"), []);
        await File.WriteAllBytesAsync(Path.Combine(_mailbox.Inbox, "crlf.aw319"), "\r\n\r\n\r\n"u8.ToArray());
        foreach (var name in new[] { "empty.aw319", "crlf.aw319" })
        {
            Mailbox.ArrivedOn(Path.Combine(_mailbox.Inbox, name), Aw319Files.Received);
        }

        await DropNormalAsync();

        await RunOnceAsync();

        Assert.Equal("the file is empty\n", await ReasonAsync("empty.aw319"));
        Assert.Equal("the file holds no record: only line ends (CR LF or LF)\n", await ReasonAsync("crlf.aw319"));
        Assert.Equal([NormalAnswer], Mailbox.Names(_mailbox.Outbox));
    }

    [Fact]
    public async Task A_file_still_being_written_is_waited_for_and_answered_whole()
    {
        var staging = Path.Combine(_mailbox.Root, "growing.aw319");
        await Aw319Files.GenerateAsync(staging, 60, seed: 110);
        var whole = await File.ReadAllBytesAsync(staging);
        var path = Path.Combine(_mailbox.Inbox, "growing.aw319");
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);
        await DropNormalAsync();

        // Still for a minute before it is taken: the first half (written just now) waits. Once the worker has counted it
        // as waiting, the rest is written and its time set back; the next scan sees it change, the one after takes it.
        var run = await RunOnceAsync(stableSeconds: 60, whileRunning: async activity =>
        {
            await WaitForAsync(() => activity.Inbox is not null && Mailbox.Names(_mailbox.Outbox).Contains(NormalAnswer), "the first scan and the normal file");
            Assert.False(File.Exists(Path.Combine(_mailbox.Outbox, "growing.aw320")));
            await File.WriteAllBytesAsync(path, whole);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-2));
        });

        Assert.Equal(["growing.aw320", NormalAnswer], Mailbox.Names(_mailbox.Outbox));
        Assert.Equal(60, (await Aw319Files.AnsweredLinesAsync(Path.Combine(_mailbox.Outbox, "growing.aw320"))).Count);
        Assert.Equal(0, run.Result.Failed);
    }

    [Fact]
    public async Task An_outage_is_one_line_when_it_starts_a_rare_reminder_and_one_line_when_it_ends()
    {
        await DropNormalAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var down = true;
        using var attempts = new SemaphoreSlim(0);
        var real = new StoreLocation(_database.ConnectionString, "").Opener(null);
        StoreOpener opener = cancellationToken =>
        {
            attempts.Release();
            return Volatile.Read(ref down) ? throw new DatabaseUnavailableException("the database is not reachable") : real(cancellationToken);
        };

        var made = 0;
        var run = await RunOnceAsync(time: time, opener: opener, whileRunning: async _ =>
        {
            // Twelve minutes of outage in steps of the fake clock; each step lets the worker's backoff delay end.
            var start = time.GetUtcNow();
            while (time.GetUtcNow() - start < TimeSpan.FromMinutes(12))
            {
                if (await attempts.WaitAsync(TimeSpan.FromMilliseconds(20)))
                {
                    made++;
                }

                time.Advance(TimeSpan.FromSeconds(30));
            }

            Volatile.Write(ref down, false);
            while (!Mailbox.Names(_mailbox.Outbox).Contains(NormalAnswer))
            {
                await attempts.WaitAsync(TimeSpan.FromMilliseconds(20));
                time.Advance(TimeSpan.FromSeconds(30));
            }
        });

        Assert.True(made >= 5, $"{made} attempts while down");
        Assert.Equal(1, run.Count("Database unavailable:"));
        var reminders = run.Count("Database still unavailable, for");
        Assert.InRange(reminders, 1, 3);
        Assert.Equal(1, run.Count("Database available again after"));
        Assert.Equal(0, run.Count("Database available:"));
        Assert.Equal([NormalAnswer], Mailbox.Names(_mailbox.Outbox));

        // A start without an outage says "available", never "available again".
        await DropAsync("calm.aw319", seed: 111);
        var calm = await RunOnceAsync();
        Assert.Equal(1, calm.Count("Database available:"));
        Assert.Equal(0, calm.Count("available again"));
        Assert.Equal(0, calm.Count("unavailable"));
    }

    [Fact]
    public async Task The_heartbeat_warns_once_while_the_database_is_down_and_says_when_it_writes_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new LogLines();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 1 }.ConnectionString;
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(unreachable);
        var activity = new WorkerActivity(_mailbox.Inbox, TimeSpan.FromSeconds(10), time);
        var reporter = new HeartbeatReporter(new Storage.Workers.WorkerStatusStore(dataSource), activity, time, loggers.CreateLogger("heartbeat"));
        using var stop = new CancellationTokenSource();
        var running = reporter.RunAsync(stop.Token);

        while (logs.Count($"Heartbeat of worker {activity.WorkerId} still not written") < 5)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Yield();
            await logs.ChangedAsync();
        }

        await stop.CancelAsync();
        time.Advance(TimeSpan.FromSeconds(10));
        await running.WaitAsync(Patience);

        Assert.Equal(1, logs.Count($"Heartbeat of worker {activity.WorkerId} not written"));
    }

    private const string NormalAnswer = "zz-normal.aw320";

    /// <summary>The normal file that must be answered in the same pass as the odd entry beside it.</summary>
    private Task DropNormalAsync() => DropAsync("zz-normal.aw319", seed: 199, lines: 15);

    private async Task DropAsync(string name, ulong seed, long lines = 20)
    {
        var staging = Path.Combine(_mailbox.Root, "staging-" + Guid.NewGuid().ToString("N"));
        await Aw319Files.GenerateAsync(staging, lines, seed);
        Mailbox.ArrivedOn(staging, Aw319Files.Received);
        File.Move(staging, Path.Combine(_mailbox.Inbox, name));
    }

    /// <summary>The name of the AW320 the store recorded for an input, checked to be in the outbox.</summary>
    private async Task<string> AnswerOfAsync(string inputName)
    {
        await using var connection = await _database.OpenConnectionAsync();
        var answer = await connection.QuerySingleAsync<string>(
            "SELECT a.file_name FROM aw320 a JOIN vektis_file f ON f.id = a.file_id WHERE f.file_name = @inputName", new { inputName });
        Assert.True(File.Exists(Path.Combine(_mailbox.Outbox, answer)), $"{answer} in the outbox");
        return answer;
    }

    /// <summary>The AW320 in the outbox is the one its archived input gets (the input's own answer, not another's).</summary>
    private async Task AssertAnswerIsOfAsync(string inputName, string answerName)
    {
        await using var connection = await _database.OpenConnectionAsync();
        var id = await Aw319Files.FileIdAsync(connection, inputName);
        var archived = Path.Combine(_mailbox.Archive, MailboxNames.Archived(id, inputName));
        Assert.Equal(
            await Aw319Files.AdjudicatedAnswerAsync(archived, id, Aw319Files.Received, uzovi: 5509, answerDate: Amsterdam.Today(TimeProvider.System)),
            await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, answerName)));
    }

    private Task<string> ReasonAsync(string name) => File.ReadAllTextAsync(Path.Combine(_mailbox.Quarantine, name + ".reason.txt"));

    private async Task<string> ReasonsTextAsync()
    {
        var text = new StringBuilder();
        foreach (var reason in Directory.EnumerateFiles(_mailbox.Quarantine, "*.reason.txt"))
        {
            text.Append(await File.ReadAllTextAsync(reason));
        }

        return text.ToString();
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, $"waited too long for {what}");
            await Task.Delay(20);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program}: {error}");
    }

    /// <summary>
    /// One <c>wlz run --once</c> in-process (the worker as the host runs it), with its log captured: it must end by itself.
    /// <paramref name="whileRunning"/> acts on the mailbox while it runs.
    /// </summary>
    private async Task<WorkerRun> RunOnceAsync(
        TimeProvider? time = null, StoreOpener? opener = null, int stableSeconds = 2, Func<WorkerActivity, Task>? whileRunning = null)
    {
        var settings = WorkerSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uzovi"] = "5509",
            ["Mailbox:Inbox"] = _mailbox.Inbox,
            ["Mailbox:Outbox"] = _mailbox.Outbox,
            ["Mailbox:Archive"] = _mailbox.Archive,
            ["Mailbox:Quarantine"] = _mailbox.Quarantine,
            ["Worker:StableSeconds"] = stableSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build());
        var logs = new LogLines();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var result = new WorkerResult();
        var activity = new WorkerActivity(settings.Inbox, settings.HeartbeatInterval, time);
        using var worker = new MailboxWorker(
            settings,
            new WorkerRunOptions(Once: true, opener ?? new StoreLocation(_database.ConnectionString, "").Opener(null)),
            new AdjudicatingAnswering(new Adjudication.AdjudicationSettings(settings.Cutoffs)),
            result,
            new Lifetime(),
            activity,
            new WlzMetrics(services.GetRequiredService<IMeterFactory>()),
            time ?? TimeProvider.System,
            loggers);
        await worker.StartAsync(CancellationToken.None);
        if (whileRunning is not null)
        {
            await whileRunning(activity);
        }

        // A run that never ends is the failure this guards against: it fails the test instead of hanging it.
        await worker.ExecuteTask!.WaitAsync(Patience);
        await worker.StopAsync(CancellationToken.None);
        Assert.Null(result.Fatal);
        return new WorkerRun(result, logs.Lines);
    }

    private sealed record WorkerRun(WorkerResult Result, IReadOnlyList<string> Lines)
    {
        public int Count(string text) => Lines.Count(l => l.Contains(text, StringComparison.Ordinal));
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    /// <summary>Every log line, formatted as the console shows its message.</summary>
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Lines => [.. _lines];

        public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

        public Task ChangedAsync() => Volatile.Read(ref _changed).Task.WaitAsync(TimeSpan.FromMilliseconds(50)).ContinueWith(_ => { }, TaskScheduler.Default);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        public void Dispose()
        {
        }
    }
}
