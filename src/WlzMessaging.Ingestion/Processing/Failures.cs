using System.Net.Sockets;
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

/// <summary>
/// Sorts the exceptions of <see cref="FileProcessor"/> into what the worker does next. Storage says what a failure of the
/// store means (<see cref="StorageFailures"/>); the rest is the file system's or the file's.
/// </summary>
public static class Failures
{
    public static FailureKind Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return StorageFailures.Classify(exception) switch
        {
            StorageFailureKind.Conflict => FailureKind.Retry,
            StorageFailureKind.Unavailable => FailureKind.DatabaseDown,
            StorageFailureKind.Refused => FailureKind.Permanent,
            _ => exception switch
            {
                SocketException or TimeoutException => FailureKind.DatabaseDown,
                Aw320UnavailableException => FailureKind.Permanent,
                IOException or UnauthorizedAccessException => FailureKind.FileSystem,
                _ => FailureKind.Permanent,
            },
        };
    }
}
