using System.Net.Sockets;
using Npgsql;
using WlzMessaging.Storage;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>What a failure while processing a file means for that file.</summary>
public enum FailureKind
{
    /// <summary>The database is unreachable or went away: leave the inbox alone and retry with backoff.</summary>
    DatabaseDown,

    /// <summary>Another process stored the same content or invoice number first: process the file again at once.</summary>
    Retry,

    /// <summary>Trouble with the file system (disk full, permissions): leave the file and try again later.</summary>
    FileSystem,

    /// <summary>The file cannot be processed as it is (the store refuses it, its earlier AW320 is gone): set it aside.</summary>
    Permanent,
}

/// <summary>Sorts the exceptions of <see cref="FileProcessor"/> into what the worker does next.</summary>
public static class Failures
{
    public static FailureKind Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PostgresException e when IsConcurrentDuplicate(e) => FailureKind.Retry,
            PostgresException e when e.SqlState is "40001" or "40P01" => FailureKind.Retry,
            PostgresException e when IsConnectionState(e.SqlState) => FailureKind.DatabaseDown,
            PostgresException => FailureKind.Permanent,
            NpgsqlException => FailureKind.DatabaseDown,
            DatabaseUnavailableException or SocketException or TimeoutException => FailureKind.DatabaseDown,
            InvalidOperationException e when e.InnerException is NpgsqlException or SocketException => FailureKind.DatabaseDown,
            Aw320UnavailableException => FailureKind.Permanent,
            IOException or UnauthorizedAccessException => FailureKind.FileSystem,
            _ => FailureKind.Permanent,
        };
    }

    /// <summary>
    /// A unique violation of vektis_file's content or invoice key: two processes stored the same file, or two files with
    /// one invoice number, at the same moment. The later one retries and then sees the earlier.
    /// </summary>
    public static bool IsConcurrentDuplicate(PostgresException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqlState == PostgresErrorCodes.UniqueViolation
            && exception.ConstraintName is "vektis_file_sha256_key" or "vektis_file_invoice_key";
    }

    /// <summary>Connection exceptions (08), shutdown and startup (57P0x), out of resources (53): the server, not the file.</summary>
    private static bool IsConnectionState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "3D000";
}
