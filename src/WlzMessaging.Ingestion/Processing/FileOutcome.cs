namespace WlzMessaging.Ingestion.Processing;

/// <summary>How a file ended.</summary>
public enum FileOutcomeKind
{
    /// <summary>Answered line by line: its lines are stored with their outcome and its AW320 is in the outbox.</summary>
    Processed,

    /// <summary>Rejected as a whole (0001 and the reasons, 0030 for a repeated invoice): stored without lines, AW320 01 + 99.</summary>
    Rejected,

    /// <summary>Byte-identical to a file stored before: answered with that file's AW320, nothing stored.</summary>
    Reused,

    /// <summary>Not a Vektis declaration at all: no AW320 can be formed. Quarantined by the worker.</summary>
    NotVektis,

    /// <summary>Another worker has this content in hand (its advisory lock is taken): left alone.</summary>
    Busy,

    /// <summary>The input disappeared before it could be read (another worker finished it): nothing to do.</summary>
    Gone,
}

/// <summary>Where the time of one file went.</summary>
public sealed class FileTimings
{
    /// <summary>
    /// The reference snapshot made sure of: a version check, or (after an import) its rebuild. It runs beside
    /// <see cref="FirstPass"/>; only <see cref="ReferenceWait"/> of it adds to the file's time.
    /// </summary>
    public TimeSpan Reference { get; internal set; }

    /// <summary>How long the file waited for the snapshot after its first pass.</summary>
    public TimeSpan ReferenceWait { get; internal set; }

    /// <summary>First pass: structure and SHA-256 of the input (and, with the adjudicator, its prepass).</summary>
    public TimeSpan FirstPass { get; internal set; }

    /// <summary>
    /// After the first pass, the wait before the second half began: for the reference snapshot's turn and (in the worker) for
    /// an earlier file of the same provider to be stored (<see cref="ProviderTurns"/>); about zero for a file on its own.
    /// </summary>
    public TimeSpan Queued { get; internal set; }

    /// <summary>The answers' preparation: with the adjudicator, the prepass completed and the history loaded.</summary>
    public TimeSpan Prepare { get; internal set; }

    /// <summary>Second pass: read, answer, AW320 written, lines handed to COPY. Includes <see cref="CopyWrite"/>.</summary>
    public TimeSpan AnswerPass { get; internal set; }

    /// <summary>The part of <see cref="AnswerPass"/> spent encoding lines into COPY and sending them.</summary>
    public TimeSpan CopyWrite { get; internal set; }

    /// <summary>Ending the COPY: waiting for the server to take the last rows and check them.</summary>
    public TimeSpan CopyComplete { get; internal set; }

    /// <summary>AW320 synced to disk and hashed (at the same time).</summary>
    public TimeSpan Aw320 { get; internal set; }

    /// <summary>The file's row, its AW320 row and the commit.</summary>
    public TimeSpan Commit { get; internal set; }

    /// <summary>After the commit: AW320 renamed into the outbox (and kept), input archived.</summary>
    public TimeSpan Finish { get; internal set; }

    public TimeSpan Total { get; internal set; }
}

/// <summary>What processing one file did.</summary>
public sealed record FileOutcome(FileOutcomeKind Kind, string FileName)
{
    /// <summary>vektis_file.id: of this file, or for <see cref="FileOutcomeKind.Reused"/> of the identical earlier one.</summary>
    public long? FileId { get; init; }

    /// <summary>The AW320 in the outbox.</summary>
    public string? Aw320Path { get; init; }

    /// <summary>04 records in the file.</summary>
    public long Lines { get; init; }

    public long Approved { get; init; }

    public long RejectedLines => Kind is FileOutcomeKind.Rejected ? Lines : Lines - Approved;

    /// <summary>Net declared (9907 with its sign), cents.</summary>
    public long DeclaredCents { get; init; }

    /// <summary>Net approved (9909 with its sign), cents.</summary>
    public long ApprovedCents { get; init; }

    /// <summary>The file-level codes of the AW320's 01 when rejected as a whole.</summary>
    public IReadOnlyList<short> Retourcodes { get; init; } = [];

    /// <summary>Why it was not answered (not Vektis), or what the earlier identical file was.</summary>
    public string? Reason { get; init; }

    /// <summary>The day the identical earlier file was received (<see cref="FileOutcomeKind.Reused"/>).</summary>
    public DateOnly? EarlierReceivedOn { get; init; }

    public FileTimings Timings { get; init; } = new();

    /// <summary>The outcomes of the lines judged now (<see cref="FileOutcomeKind.Processed"/> only), for the metrics.</summary>
    public Monitoring.LineTally? LineOutcomes { get; init; }

    /// <summary>True when an AW320 answers the file (written now or reused).</summary>
    public bool Answered => Kind is FileOutcomeKind.Processed or FileOutcomeKind.Rejected or FileOutcomeKind.Reused;
}
