using Dapper;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>
/// One writer per provider (specs/storage.md), end to end: two real <c>wlz process</c> processes on one PostgreSQL with two
/// files of one provider whose lines overlap store what processing them one after the other stores; a file of another
/// provider is processed and committed while the first provider's lock is held.
/// </summary>
/// <remarks>
/// A connection of the test holds the provider's lock while the processes start, and lets go only once pg_locks shows both
/// waiting for it: both are then inside their transactions, past their file claims and before their history reads, the
/// moment at which, without the lock, both read a history without the other's lines and both approved them.
/// </remarks>
[Collection(PostgresCollection.Name)]
public sealed class ProviderWriterTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly PostgresFixture _fixture = fixture;

    private static SampleAw319.Declaration January => SampleAw319.Files[0];

    private static SampleAw319.Declaration HetBaken => SampleAw319.Files[1];

    /// <summary>January's care once more under new references and another invoice: every line overlaps January's.</summary>
    private static SampleAw319.Declaration Resent => January with
    {
        FileName = "de-linde-2025-01-opnieuw.aw319",
        Factuurnummer = "DL2025-0003",
        Clients = [.. January.Clients.Select(c => c with { Lines = [.. c.Lines.Select(l => l with { Reference = l.Reference.Replace("-25", "-R25", StringComparison.Ordinal) })] })],
    };

    [Fact]
    public async Task Two_processes_with_overlapping_files_of_one_provider_store_what_one_after_the_other_stores()
    {
        var first = await WriteAsync(January);
        var second = await WriteAsync(Resent);
        await ImportReferenceAsync(Database.ConnectionString);

        await using var holder = await Database.OpenConnectionAsync();
        var held = await holder.BeginTransactionAsync();
        await Storage.History.ProviderLock.AcquireAsync(holder, held, January.Agb);

        await using var one = WorkerProcess.Start(ProcessArgs(first, Database.ConnectionString));
        await using var two = WorkerProcess.Start(ProcessArgs(second, Database.ConnectionString));
        await ProviderLockWaiters.WaitForAsync(Database.DataSource, January.Agb, 2, () => !one.HasExited && !two.HasExited);
        await held.CommitAsync();
        Assert.Equal(ExitCodes.Ok, await one.WaitForExitAsync(Patience));
        Assert.Equal(ExitCodes.Ok, await two.WaitForExitAsync(Patience));
        var together = await OutcomesAsync(Database);

        // The two sequential orders, each in a store of its own.
        var orders = new List<List<Outcome>>();
        foreach (var (a, b) in new[] { (first, second), (second, first) })
        {
            await using var store = await _fixture.CreateDatabaseAsync();
            await ImportReferenceAsync(store.ConnectionString);
            Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(ProcessArgs(a, store.ConnectionString))).ExitCode);
            Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(ProcessArgs(b, store.ConnectionString))).ExitCode);
            orders.Add(await OutcomesAsync(store));
        }

        // Sequentially the second file's lines are refused as overlapping the first's: never both approved.
        Assert.All(orders, o => Assert.Equal(2, o.Count(l => l.Code == 8001)));
        Assert.Contains(orders, o => o.SequenceEqual(together));
    }

    [Fact]
    public async Task A_file_of_another_provider_commits_while_a_providers_lock_is_held()
    {
        var deLinde = await WriteAsync(January);
        var hetBaken = await WriteAsync(HetBaken);
        await ImportReferenceAsync(Database.ConnectionString);

        await using var holder = await Database.OpenConnectionAsync();
        var held = await holder.BeginTransactionAsync();
        await Storage.History.ProviderLock.AcquireAsync(holder, held, January.Agb);

        // Het Baken's file goes all the way through, committed, while De Linde's lock is held.
        var baken = await Wlz.RunAsync(ProcessArgs(hetBaken, Database.ConnectionString));
        Assert.Equal(ExitCodes.Ok, baken.ExitCode);
        Assert.Equal(3, await LinesOfAsync(HetBaken.Agb));

        // De Linde's file waits for its provider's lock, inside its transaction, its lines not stored.
        var linde = Wlz.RunAsync(ProcessArgs(deLinde, Database.ConnectionString));
        await ProviderLockWaiters.WaitForAsync(Database.DataSource, January.Agb, 1, () => !linde.IsCompleted);
        Assert.Equal(0, await LinesOfAsync(January.Agb));

        await held.CommitAsync();
        Assert.Equal(ExitCodes.Ok, (await linde).ExitCode);
        Assert.Equal(2, await LinesOfAsync(January.Agb));
    }

    private sealed record Outcome(string File, string Reference, short Code, long Approved);

    private async Task<string> WriteAsync(SampleAw319.Declaration declaration)
    {
        Directory.CreateDirectory(Temp.File("in"));
        var path = Temp.File("in/" + declaration.FileName);
        await File.WriteAllBytesAsync(path, SampleAw319.Build(declaration));
        return path;
    }

    private string[] ProcessArgs(string input, string connection) =>
        ["process", input, "--out", Temp.File("out-" + Guid.NewGuid().ToString("N")), "--received", "2025-02-10", "--connection", connection];

    private static async Task ImportReferenceAsync(string connection)
    {
        var import = await Wlz.RunAsync(["reference", "import", RepositoryRoot.Combine("testdata", "reference"), "--connection", connection]);
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
    }

    private static async Task<List<Outcome>> OutcomesAsync(TestDatabase store)
    {
        await using var db = await store.OpenConnectionAsync();
        return (await db.QueryAsync<Outcome>(
            """
            SELECT f.file_name AS File, l.referentienummer AS Reference, l.retourcode_1 AS Code, l.approved_cents AS Approved
            FROM declaration_line l JOIN vektis_file f ON f.id = l.file_id
            ORDER BY f.file_name, l.referentienummer
            """)).ToList();
    }

    private async Task<long> LinesOfAsync(int agb) =>
        await Sql.ScalarAsync<long>(Database.ConnectionString, $"SELECT count(*) FROM declaration_line WHERE provider_agb = {agb}");
}
