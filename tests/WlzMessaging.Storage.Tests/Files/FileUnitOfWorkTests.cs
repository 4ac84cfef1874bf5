using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Storage.Files;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Files;

/// <summary>
/// One file's unit of work against a real database: the file's lock keeps a second unit out until the first is disposed,
/// a unit disposed before its commit leaves nothing stored, and a committed one leaves the file, its outcome and its AW320.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FileUnitOfWorkTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Store _store = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _store = await _database.OpenStoreAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static NewVektisFile File(string content) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(content)), content + ".aw319", 1234, new DateOnly(2025, 2, 10), 5501, 41000001, content, 'P', "test");

    private Task<FileUnitOfWork?> TryBeginAsync(NewVektisFile file) =>
        FileUnitOfWork.TryBeginAsync(_store, file.Sha256, NullLogger.Instance, CancellationToken.None);

    [Fact]
    public async Task A_second_unit_of_the_same_content_is_kept_out_until_the_first_is_disposed()
    {
        var file = File("locked");

        var first = await TryBeginAsync(file);
        Assert.NotNull(first);
        Assert.Null(await TryBeginAsync(file));
        var other = await TryBeginAsync(File("another"));
        Assert.NotNull(other);
        await other.DisposeAsync();

        await first.DisposeAsync();
        var again = await TryBeginAsync(file);
        Assert.NotNull(again);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task A_unit_disposed_before_its_commit_leaves_nothing_and_a_committed_one_leaves_the_file_and_its_answer()
    {
        var file = File("committed");
        await using (var rolledBack = await TryBeginAsync(file))
        {
            Assert.NotNull(rolledBack);
            await rolledBack.ClaimAsync(file, CancellationToken.None);
            await rolledBack.LockProviderAsync(41000001, CancellationToken.None);
        }

        Assert.Equal(0L, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM vektis_file"));

        var unit = await TryBeginAsync(file);
        Assert.NotNull(unit);
        await using (unit)
        {
            Assert.Null(await unit.FindStoredAsync(CancellationToken.None));
            Assert.False(await unit.IsInvoiceProcessedAsync(41000001, "committed", CancellationToken.None));
            var id = await unit.ClaimAsync(file, CancellationToken.None);
            await unit.LockProviderAsync(41000001, CancellationToken.None);
            var lines = await unit.BeginLinesAsync(CancellationToken.None);
            await using (lines)
            {
                Assert.Equal(0L, await lines.CompleteAsync());
            }

            await unit.CompleteAsync(new VektisFileOutcome("processed", [], 0, 0, 0, 0, 0, 5), CancellationToken.None);
            await unit.InsertAw320Async("committed.aw320", SHA256.HashData([9, 9, 9]), 3, [9, 9, 9], null, CancellationToken.None);
            await unit.CommitAsync(CancellationToken.None);

            var stored = await unit.FindStoredAsync(CancellationToken.None);
            Assert.Equal((id, "processed"), (stored?.Id, stored?.Status));
            Assert.Equal([9, 9, 9], await unit.ReadAw320ContentAsync(id, CancellationToken.None));
            Assert.True(await unit.IsInvoiceProcessedAsync(41000001, "committed", CancellationToken.None));
        }

        // Disposed after its commit: the row stays, and the file's lock was given back.
        Assert.Equal(1L, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM vektis_file WHERE status = 'processed'"));
        var next = await TryBeginAsync(file);
        Assert.NotNull(next);
        await next.DisposeAsync();
    }
}
