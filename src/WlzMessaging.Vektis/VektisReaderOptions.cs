namespace WlzMessaging.Vektis;

/// <summary>What the reader needs beyond the bytes: the date the file was received and the limits that bound its work.</summary>
public sealed record VektisReaderOptions
{
    /// <summary>
    /// The date the file arrived in the mailbox. "Not in the future" checks (0117 DAGTEKENING FACTUUR) use it, never the
    /// clock, so a file read again later gets the same answer. Null skips those checks (for inspecting a file).
    /// </summary>
    public DateOnly? ReceivedDate { get; init; }

    /// <summary>This zorgkantoor's UZOVI code; a voorlooprecord addressed to another gives 0018. Null skips the check.</summary>
    public int? ExpectedUzovi { get; init; }

    /// <summary>
    /// How many bytes a line may run without CR LF before it is a fault (8095) and the rest of it is skipped unread.
    /// Keeps memory bounded whatever the input. At least 371 (an AW320 record and its CR).
    /// </summary>
    public int MaxLineLength { get; init; } = 4096;

    /// <summary>File-level faults kept in the result; more are counted, not kept, so junk cannot exhaust memory.</summary>
    public int MaxFileFaults { get; init; } = 100;

    /// <summary>
    /// Read on after finding the file is not a Vektis message at all (for <c>wlz inspect</c>); by default the reader stops,
    /// since such a file is quarantined unread.
    /// </summary>
    public bool ContinueWhenNotVektis { get; init; }

    /// <summary>Size of the read buffer when reading from a stream.</summary>
    public int BufferSize { get; init; } = 128 * 1024;

    public static VektisReaderOptions Default { get; } = new();
}
