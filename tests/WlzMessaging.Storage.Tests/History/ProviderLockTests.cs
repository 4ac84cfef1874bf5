using Npgsql;
using WlzMessaging.Storage.Files;
using WlzMessaging.Storage.History;
using WlzMessaging.Storage.Nightly;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.History;

/// <summary>
/// The provider's writer lock on a real PostgreSQL, with connections of its own: held by one transaction, it keeps another
/// of the same provider out until the commit, never one of another provider, never collides with a file's claim lock, and
/// the nightly run takes it for the providers of its date.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProviderLockTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const int DeLinde = 73730001;
    private const int HetBaken = 73730002;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Held_it_keeps_the_same_provider_out_until_the_commit_and_lets_another_provider_in()
    {
        await using var holder = await _database.OpenConnectionAsync();
        await using var other = await _database.OpenConnectionAsync();
        var held = await holder.BeginTransactionAsync();
        await ProviderLock.AcquireAsync(holder, held, DeLinde);

        await using (var tx = await other.BeginTransactionAsync())
        {
            Assert.False(await TryAsync(other, tx, DeLinde));
            Assert.True(await TryAsync(other, tx, HetBaken));
        }

        await held.CommitAsync();
        await using (var tx = await other.BeginTransactionAsync())
        {
            Assert.True(await TryAsync(other, tx, DeLinde));
        }
    }

    [Fact]
    public async Task A_file_claim_lock_with_the_same_64_bits_does_not_take_it()
    {
        // The single 64-bit key whose halves are the provider lock's two keys: a file hash starting with these bytes.
        var sha256 = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(sha256, ProviderLock.KeySpace);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(sha256.AsSpan(4), DeLinde);
        await using var worker = await _database.OpenConnectionAsync();
        Assert.True(await VektisFileRepository.TryLockAsync(worker, sha256));

        await using var other = await _database.OpenConnectionAsync();
        await using var tx = await other.BeginTransactionAsync();
        Assert.True(await TryAsync(other, tx, DeLinde));
        await VektisFileRepository.UnlockAsync(worker, sha256);
    }

    [Fact]
    public async Task The_nightly_run_waits_for_the_lock_of_a_provider_of_its_date()
    {
        var day = new DateOnly(2025, 3, 11);
        await OperationsSeed.FileAsync(_database.DataSource, new SeedFile { Name = "de-linde.asc", Provider = DeLinde, ReceivedOn = day });

        await using var holder = await _database.OpenConnectionAsync();
        var held = await holder.BeginTransactionAsync();
        await ProviderLock.AcquireAsync(holder, held, DeLinde);

        var nightly = NightlyDay.BeginAsync(_database.DataSource, day, CancellationToken.None);
        await ProviderLockWaiters.WaitForAsync(_database.DataSource, DeLinde, 1, () => !nightly.IsCompleted);
        Assert.False(nightly.IsCompleted);

        await held.CommitAsync();
        await using var run = await nightly;

        // Now the run holds it: a file of the provider cannot start its history read.
        await using var other = await _database.OpenConnectionAsync();
        await using var tx = await other.BeginTransactionAsync();
        Assert.False(await TryAsync(other, tx, DeLinde));
    }

    private static async Task<bool> TryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int agb)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1, $2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ProviderLock.KeySpace });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = agb });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
