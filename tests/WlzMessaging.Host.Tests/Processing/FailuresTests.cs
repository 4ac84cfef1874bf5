using System.Net.Sockets;
using Npgsql;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>What the worker does after a file failed: Storage's sorting of the store's failures, mapped, and the rest.</summary>
public sealed class FailuresTests
{
    public static TheoryData<Exception, FailureKind> Cases => new()
    {
        { new PostgresException("serialization", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure), FailureKind.Retry },
        { new PostgresException("duplicate", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, constraintName: "vektis_file_sha256_key"), FailureKind.Retry },
        { new PostgresException("shutdown", "ERROR", "ERROR", PostgresErrorCodes.AdminShutdown), FailureKind.DatabaseDown },
        { new PostgresException("check", "ERROR", "ERROR", PostgresErrorCodes.CheckViolation), FailureKind.Permanent },
        { new NpgsqlException("connection lost"), FailureKind.DatabaseDown },
        { new DatabaseUnavailableException("not started"), FailureKind.DatabaseDown },
        { new SocketException(), FailureKind.DatabaseDown },
        { new TimeoutException(), FailureKind.DatabaseDown },
        { new InvalidOperationException("broken", new SocketException()), FailureKind.DatabaseDown },
        { new Aw320UnavailableException("gone"), FailureKind.Permanent },
        { new IOException("disk full"), FailureKind.FileSystem },
        { new UnauthorizedAccessException(), FailureKind.FileSystem },
        { new InvalidOperationException("a bug"), FailureKind.Permanent },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failure_is_sorted_into_what_the_worker_does_next(Exception exception, FailureKind expected)
    {
        Assert.Equal(expected, Failures.Classify(exception));
    }
}
