using System.Net.Sockets;
using Npgsql;

namespace WlzMessaging.Storage;

/// <summary>What a failure of the store means, sorted by Storage so that no layer above it reads a PostgreSQL error.</summary>
public enum StorageFailureKind
{
    /// <summary>Not a failure of the store (a file, a bug): the caller sorts it itself.</summary>
    NotStorage,

    /// <summary>
    /// The database is unreachable, went away or is out of resources: the same work succeeds later against the same data.
    /// </summary>
    Unavailable,

    /// <summary>
    /// A concurrent writer won: a serialization failure, a deadlock, or another process stored the same content or invoice
    /// number first (<see cref="StorageFailures.IsConcurrentDuplicate"/>). Doing the work again at once sees the winner.
    /// </summary>
    Conflict,

    /// <summary>The server refused the work itself (a constraint, a bad value): doing it again fails the same way.</summary>
    Refused,
}

/// <summary>Sorts the exceptions of the store (Npgsql's, and <see cref="DatabaseUnavailableException"/>) into <see cref="StorageFailureKind"/>.</summary>
public static class StorageFailures
{
    public static StorageFailureKind Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PostgresException e when IsConcurrentDuplicate(e) => StorageFailureKind.Conflict,
            PostgresException e when e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => StorageFailureKind.Conflict,
            PostgresException e when IsConnectionState(e.SqlState) => StorageFailureKind.Unavailable,
            PostgresException => StorageFailureKind.Refused,
            NpgsqlException => StorageFailureKind.Unavailable,
            DatabaseUnavailableException => StorageFailureKind.Unavailable,
            InvalidOperationException e when e.InnerException is NpgsqlException or SocketException => StorageFailureKind.Unavailable,
            _ => StorageFailureKind.NotStorage,
        };
    }

    /// <summary>
    /// The database client failed the call: the server refused it or could not be reached (Npgsql's own exceptions). What a
    /// command or the dashboard reports as "database unreachable".
    /// </summary>
    public static bool IsDatabaseError(Exception exception) => exception is NpgsqlException;

    /// <summary>
    /// A unique violation of vektis_file's content or invoice key: two processes stored the same file, or two files with
    /// one invoice number, at the same moment. The later one retries and then sees the earlier.
    /// </summary>
    public static bool IsConcurrentDuplicate(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e
        && e.ConstraintName is "vektis_file_sha256_key" or "vektis_file_invoice_key";

    /// <summary>Connection exceptions (08), shutdown and startup (57P0x), out of resources (53): the server, not the work.</summary>
    private static bool IsConnectionState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "3D000";
}
