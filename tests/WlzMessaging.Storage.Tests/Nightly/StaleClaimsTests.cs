using WlzMessaging.Storage.Files;
using WlzMessaging.Storage.Nightly;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Nightly;

/// <summary>Claims left in vektis_file: released when nobody holds the file's lock, left to a live worker that does.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StaleClaimsTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_claim_nobody_holds_is_released_and_one_a_live_worker_holds_is_left()
    {
        var day = new DateOnly(2025, 3, 11);
        var dead = await OperationsSeed.FileAsync(_database.DataSource, new SeedFile { Name = "dead.asc", Provider = 73730001, Status = "claimed", ReceivedOn = day });
        var alive = await OperationsSeed.FileAsync(_database.DataSource, new SeedFile { Name = "alive.asc", Provider = 73730001, Status = "claimed", ReceivedOn = day });
        await OperationsSeed.FileAsync(_database.DataSource, new SeedFile { Name = "done.asc", Provider = 73730001, ReceivedOn = day });

        // A live worker holds the lock of alive.asc on its own connection.
        await using var worker = await _database.OpenConnectionAsync();
        var sha256 = await Sql.ScalarAsync<byte[]>(_database.ConnectionString, $"SELECT sha256 FROM vektis_file WHERE id = {alive}");
        Assert.True(await VektisFileRepository.TryLockAsync(worker, sha256));

        var result = await StaleClaims.ReleaseAsync(_database.DataSource, CancellationToken.None);

        Assert.Equal(new StaleClaimResult(Released: 1, HeldByLiveWorker: 1, NeedOperator: 0), result);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(_database.ConnectionString, $"SELECT count(*) FROM vektis_file WHERE id = {dead}"));
        Assert.Equal("claimed", await Sql.ScalarAsync<string>(_database.ConnectionString, $"SELECT status FROM vektis_file WHERE id = {alive}"));
        Assert.Equal(3L - 1, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM vektis_file"));
    }
}
