namespace WlzMessaging.Ingestion.Worker;

/// <summary>What an entry of the inbox is, for what the worker does with it.</summary>
internal enum InboxEntryKind
{
    /// <summary>A regular file: processed.</summary>
    File,

    /// <summary>A symbolic link to a regular file: its bytes are copied in place of the link (followed once), then processed.</summary>
    Link,

    /// <summary>Anything that is not a file to read (FIFO, socket, device, directory, a link to none of those): quarantined.</summary>
    NotAFile,

    /// <summary>A name that is not UTF-8 (only its raw bytes can reach it): renamed to an escaped UTF-8 name, then processed.</summary>
    UndecodableName,
}

/// <summary>An entry of the inbox that is ready (still for long enough), and what it is.</summary>
/// <param name="Path">Its path; for <see cref="InboxEntryKind.UndecodableName"/> the name with the bad bytes escaped.</param>
/// <param name="Problem">For <see cref="InboxEntryKind.NotAFile"/>: what it is instead, as the quarantine reason says it.</param>
/// <param name="RawName">For <see cref="InboxEntryKind.UndecodableName"/>: the name's bytes.</param>
internal sealed record InboxEntry(string Path, InboxEntryKind Kind, DateTime ModifiedUtc, string? Problem = null, byte[]? RawName = null)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
