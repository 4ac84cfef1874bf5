using Dapper;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Operations;
using WlzMessaging.Storage;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Worker;

/// <summary><c>wlz run --once</c> in-process: the mailbox conventions, and the recovery of every crash point after the commit.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RunOnceTests(PostgresFixture fixture) : IAsyncLifetime
{
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

    private Task<Wlz.Outcome> RunOnceAsync() => Wlz.RunAsync(["run", "--once", .. _mailbox.RunOptions(_database.ConnectionString)]);

    private async Task<string> DropAsync(string name, long lines, ulong seed)
    {
        var path = Path.Combine(_mailbox.Inbox, name);
        await Aw319Files.GenerateAsync(path, lines, seed);
        Mailbox.ArrivedOn(path, Aw319Files.Received);
        return path;
    }

    [Fact]
    public async Task Answers_archives_and_quarantines_what_the_inbox_holds_and_leaves_files_being_written()
    {
        await DropAsync("a.aw319", 200, seed: 21);
        await DropAsync("b.aw319", 100, seed: 22);
        await File.WriteAllTextAsync(Path.Combine(_mailbox.Inbox, "notes.txt"), "not a declaration\n");
        await File.WriteAllTextAsync(Path.Combine(_mailbox.Inbox, ".incoming.aw319"), "being written");
        await File.WriteAllTextAsync(Path.Combine(_mailbox.Inbox, "c.aw319.part"), "being written");
        foreach (var name in new[] { "notes.txt", ".incoming.aw319", "c.aw319.part" })
        {
            Mailbox.ArrivedOn(Path.Combine(_mailbox.Inbox, name), Aw319Files.Received);
        }

        var outcome = await RunOnceAsync();

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal(["a.aw320", "b.aw320"], Mailbox.Names(_mailbox.Outbox));
        Assert.Equal([".incoming.aw319", "c.aw319.part"], Mailbox.Names(_mailbox.Inbox));
        Assert.Equal(["notes.txt", "notes.txt.reason.txt"], Mailbox.Names(_mailbox.Quarantine));
        Assert.StartsWith("the first record is not a voorlooprecord", await File.ReadAllTextAsync(Path.Combine(_mailbox.Quarantine, "notes.txt.reason.txt")), StringComparison.Ordinal);

        await using var connection = await _database.OpenConnectionAsync();
        var a = await Aw319Files.FileIdAsync(connection, "a.aw319");
        var b = await Aw319Files.FileIdAsync(connection, "b.aw319");
        Assert.Equal(
            [$"{a:D8}-a.aw319", $"{a:D8}-a.aw320", $"{b:D8}-b.aw319", $"{b:D8}-b.aw320"],
            Mailbox.Names(_mailbox.Archive).Order(StringComparer.Ordinal));

        // Received is the day the file arrived (its mtime), the answer is dated the day it is made.
        var expected = await Aw319Files.AdjudicatedAnswerAsync(
            Path.Combine(_mailbox.Archive, $"{a:D8}-a.aw319"), a, Aw319Files.Received, uzovi: 5509, answerDate: Amsterdam.Today(TimeProvider.System));
        Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, "a.aw320")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, "a.aw320")), await File.ReadAllBytesAsync(Path.Combine(_mailbox.Archive, $"{a:D8}-a.aw320")));
        Assert.Equal(Aw319Files.Received, await connection.ExecuteScalarAsync<DateOnly>("SELECT received_on FROM vektis_file WHERE id = @a", new { a }));
        Assert.Equal(300L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
        Assert.Equal("quarantined", await connection.ExecuteScalarAsync<string>("SELECT status FROM vektis_file WHERE file_name = 'notes.txt'"));
        Assert.Equal("stopped", await connection.ExecuteScalarAsync<string>("SELECT state FROM worker_status"));
        Assert.Equal((2L, 1L), await connection.QuerySingleAsync<(long, long)>("SELECT files_answered, files_quarantined FROM worker_status"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int?>("SELECT waiting FROM worker_status"));
    }

    /// <summary>
    /// The crash points after the commit, made by hand from a finished run: the input back in the inbox, and the AW320
    /// (a) only under its temporary name, with no kept copy (killed right after the commit); (b) under its temporary name
    /// and kept (killed before the rename); (c) in place (killed before the input was archived). Each time the next run
    /// finishes the file from where it was, stores nothing and leaves one AW320.
    /// </summary>
    [Theory]
    [InlineData("after-commit")]
    [InlineData("after-keep")]
    [InlineData("after-rename")]
    public async Task A_crash_after_the_commit_is_finished_by_the_next_run_without_storing_anything_again(string point)
    {
        await DropAsync("big.aw319", 3_000, seed: 23);
        Assert.Equal(ExitCodes.Ok, (await RunOnceAsync()).ExitCode);
        await using var connection = await _database.OpenConnectionAsync();
        var id = await Aw319Files.FileIdAsync(connection, "big.aw319");
        var answer = await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, "big.aw320"));
        var kept = Path.Combine(_mailbox.Archive, $"{id:D8}-big.aw320");

        File.Move(Path.Combine(_mailbox.Archive, $"{id:D8}-big.aw319"), Path.Combine(_mailbox.Inbox, "big.aw319"));
        Mailbox.ArrivedOn(Path.Combine(_mailbox.Inbox, "big.aw319"), Aw319Files.Received);
        if (point != "after-rename")
        {
            File.Move(Path.Combine(_mailbox.Outbox, "big.aw320"), Path.Combine(_mailbox.Outbox, ".big.aw320.tmp"));
        }

        if (point == "after-commit")
        {
            File.Delete(kept);
        }

        // Nor may the row's copy of a small AW320 be what saves the day: make it look big.
        await connection.ExecuteAsync("UPDATE aw320 SET content = NULL");

        var outcome = await RunOnceAsync();

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal(["big.aw320"], Mailbox.Names(_mailbox.Outbox));
        Assert.Empty(Mailbox.Names(_mailbox.Outbox, ".*"));
        Assert.Equal(answer, await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, "big.aw320")));
        Assert.Equal(answer, await File.ReadAllBytesAsync(kept));
        Assert.Empty(Mailbox.Names(_mailbox.Inbox));
        Assert.Equal([$"{id:D8}-big.aw319", $"{id:D8}-big.aw320"], Mailbox.Names(_mailbox.Archive));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vektis_file"));
        Assert.Equal(3_000L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task A_resent_identical_file_is_answered_with_the_earlier_AW320_under_its_own_name()
    {
        var first = await DropAsync("march.aw319", 400, seed: 24);
        var bytes = await File.ReadAllBytesAsync(first);
        Assert.Equal(ExitCodes.Ok, (await RunOnceAsync()).ExitCode);
        await File.WriteAllBytesAsync(Path.Combine(_mailbox.Inbox, "march-resent.aw319"), bytes);
        Mailbox.ArrivedOn(Path.Combine(_mailbox.Inbox, "march-resent.aw319"), Aw319Files.Received.AddDays(3));

        Assert.Equal(ExitCodes.Ok, (await RunOnceAsync()).ExitCode);

        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, "march.aw320")),
            await File.ReadAllBytesAsync(Path.Combine(_mailbox.Outbox, "march-resent.aw320")));
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vektis_file"));
        Assert.Equal(400L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
        Assert.Empty(Mailbox.Names(_mailbox.Inbox));
    }

    [Fact]
    public async Task Settings_are_checked_at_start_and_every_problem_is_named()
    {
        var outcome = await Wlz.RunAsync("run", "--once", "--inbox", _mailbox.Inbox, "--outbox", _mailbox.Inbox, "--connection", _database.ConnectionString);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("wlz run: configuration: Uzovi is not set: this zorgkantoor's UZOVI code (env WLZ_UZOVI, or --uzovi); ", error, StringComparison.Ordinal);
        Assert.Contains("Mailbox:Inbox and Mailbox:Outbox are one directory", error, StringComparison.Ordinal);

        var bad = await Wlz.RunAsync(["run", "--once", .. _mailbox.RunOptions(_database.ConnectionString, uzovi: "55012")]);
        Assert.Equal("wlz run: configuration: Uzovi '55012' is not a UZOVI code (1-9999)", Assert.Single(bad.ErrorLines));
    }
}
