using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WlzMessaging.Storage.Files;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests;

/// <summary>What a failure of the store means, as <see cref="StorageFailures"/> sorts it for the layers above.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageFailuresTests(PostgresFixture fixture)
{
    private static PostgresException Error(string sqlState, string? constraint = null) =>
        new("message", "ERROR", "ERROR", sqlState, constraintName: constraint);

    [Theory]
    [InlineData("40001", StorageFailureKind.Conflict)]
    [InlineData("40P01", StorageFailureKind.Conflict)]
    [InlineData("08006", StorageFailureKind.Unavailable)]
    [InlineData("53300", StorageFailureKind.Unavailable)]
    [InlineData("57P01", StorageFailureKind.Unavailable)]
    [InlineData("3D000", StorageFailureKind.Unavailable)]
    [InlineData("23505", StorageFailureKind.Refused)]
    [InlineData("23514", StorageFailureKind.Refused)]
    [InlineData("42P01", StorageFailureKind.Refused)]
    public void A_PostgreSQL_error_is_sorted_by_its_state(string sqlState, StorageFailureKind kind)
    {
        Assert.Equal(kind, StorageFailures.Classify(Error(sqlState)));
        Assert.True(StorageFailures.IsDatabaseError(Error(sqlState)));
    }

    [Fact]
    public void Only_a_unique_violation_of_the_content_or_invoice_key_is_a_concurrent_duplicate()
    {
        Assert.True(StorageFailures.IsConcurrentDuplicate(Error("23505", "vektis_file_sha256_key")));
        Assert.True(StorageFailures.IsConcurrentDuplicate(Error("23505", "vektis_file_invoice_key")));
        Assert.Equal(StorageFailureKind.Conflict, StorageFailures.Classify(Error("23505", "vektis_file_invoice_key")));
        Assert.False(StorageFailures.IsConcurrentDuplicate(Error("23505", "aw320_pkey")));
        Assert.False(StorageFailures.IsConcurrentDuplicate(Error("23514", "vektis_file_sha256_key")));
        Assert.False(StorageFailures.IsConcurrentDuplicate(new IOException("vektis_file_sha256_key")));
    }

    [Fact]
    public void The_client_failing_is_unavailable_and_what_is_not_the_store_s_is_left_to_the_caller()
    {
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailures.Classify(new NpgsqlException("connection lost")));
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailures.Classify(new DatabaseUnavailableException("not started")));
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailures.Classify(new InvalidOperationException("broken", new NpgsqlException())));
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailures.Classify(new InvalidOperationException("broken", new SocketException())));
        Assert.Equal(StorageFailureKind.NotStorage, StorageFailures.Classify(new InvalidOperationException("a bug")));
        Assert.Equal(StorageFailureKind.NotStorage, StorageFailures.Classify(new IOException("disk full")));
        Assert.Equal(StorageFailureKind.NotStorage, StorageFailures.Classify(new TimeoutException()));
        Assert.False(StorageFailures.IsDatabaseError(new DatabaseUnavailableException("not started")));
        Assert.False(StorageFailures.IsDatabaseError(new IOException("disk full")));
    }

    [Fact]
    public async Task The_second_of_two_files_with_one_content_is_a_conflict_the_server_reports()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var store = await database.OpenStoreAsync();
        var content = SHA256.HashData(Encoding.UTF8.GetBytes("twice"));
        var file = new NewVektisFile(content, "twice.aw319", 10, new DateOnly(2025, 2, 10), 5501, 41000001, "F1", 'P', "test");

        // The lock is per session; two units on one content only meet at the unique key (as two processes whose locks
        // did not overlap would).
        await using (var first = await FileUnitOfWork.TryBeginAsync(store, content, NullLogger.Instance, CancellationToken.None))
        {
            await first!.ClaimAsync(file, CancellationToken.None);
            await first.CompleteAsync(new VektisFileOutcome("processed", [], 0, 0, 0, 0, 0, 1), CancellationToken.None);
            await first.CommitAsync(CancellationToken.None);
        }

        await using var second = await FileUnitOfWork.TryBeginAsync(store, content, NullLogger.Instance, CancellationToken.None);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => second!.ClaimAsync(file, CancellationToken.None));

        Assert.True(StorageFailures.IsConcurrentDuplicate(failure));
        Assert.Equal(StorageFailureKind.Conflict, StorageFailures.Classify(failure));
    }
}
