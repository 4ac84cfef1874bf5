using Dapper;
using WlzMessaging.Generator;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Storage;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Worker;

/// <summary>
/// The worker has two files in hand at once (Worker:FilesAtOnce); files of one provider keep their order
/// (<see cref="Ingestion.Processing.ProviderTurns"/>). Two files of one provider in one pass, the second declaring the first's
/// lines again, must come out exactly as when processed one after the other: the second's history is read after the first
/// committed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OverlappedFilesTests(PostgresFixture fixture) : IAsyncLifetime
{
    private readonly Mailbox _mailbox = new();
    private readonly TempDirectory _temp = new();
    private TestDatabase _worker = null!;
    private TestDatabase _sequential = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        _worker = await fixture.CreateDatabaseAsync();
        _sequential = await fixture.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _sequential.DisposeAsync();
        _mailbox.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Two_files_of_one_provider_in_one_pass_are_answered_and_stored_as_one_after_the_other()
    {
        var reference = _temp.File("reference");
        var options = new Aw319GeneratorOptions { Lines = 2_000, Seed = 41, Factuurnummer = "INV-1" };
        var first = new Aw319Generator(options);
        first.WriteReferenceData(reference);
        Directory.CreateDirectory(_temp.File("in"));
        await first.WriteFileAsync(_temp.File("in/a-first.aw319"));

        // The same lines under another invoice number: every one was declared before, if the first file is history.
        await new Aw319Generator(options with { Factuurnummer = "INV-2" }).WriteFileAsync(_temp.File("in/b-again.aw319"));

        foreach (var database in new[] { _worker, _sequential })
        {
            Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["reference", "import", reference, "--connection", database.ConnectionString])).ExitCode);
        }

        foreach (var name in new[] { "a-first.aw319", "b-again.aw319" })
        {
            File.Copy(_temp.File("in/" + name), Path.Combine(_mailbox.Inbox, name));
            Mailbox.ArrivedOn(Path.Combine(_mailbox.Inbox, name), Aw319Files.Received);
        }

        var run = await Wlz.RunAsync(["run", "--once", .. _mailbox.RunOptions(_worker.ConnectionString)]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);

        foreach (var name in new[] { "a-first.aw319", "b-again.aw319" })
        {
            var one = await Wlz.RunAsync(
                ["process", _temp.File("in/" + name), "--out", _temp.File("out"), "--received", "2026-02-16", "--uzovi", "5509", "--connection", _sequential.ConnectionString]);
            Assert.Equal(ExitCodes.Ok, one.ExitCode);
        }

        var stored = await StoredAsync(_worker);
        Assert.Equal(await StoredAsync(_sequential), stored);
        Assert.Equal(4_000, stored.Count);

        // The dependency is real: the first file approved, the second refused as declared before.
        Assert.All(stored.Where(s => s.File == "a-first.aw319"), s => Assert.Equal(8001, s.Code1));
        Assert.All(stored.Where(s => s.File == "b-again.aw319"), s => Assert.NotEqual(8001, s.Code1));

        foreach (var answer in new[] { "a-first.aw320", "b-again.aw320" })
        {
            Assert.Equal(
                await Aw319Files.AnsweredLinesAsync(_temp.File("out/" + answer)),
                await Aw319Files.AnsweredLinesAsync(Path.Combine(_mailbox.Outbox, answer)));
        }
    }

    private static async Task<List<(string File, string Reference, short Code1, short Code2, short Code3, long Approved)>> StoredAsync(TestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string, short, short, short, long)>(
            """
            SELECT f.file_name, l.referentienummer, l.retourcode_1, l.retourcode_2, l.retourcode_3, l.approved_cents
            FROM declaration_line l JOIN vektis_file f ON f.id = l.file_id
            ORDER BY f.file_name, l.referentienummer, l.record_id
            """)).ToList();
    }
}
