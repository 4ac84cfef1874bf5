namespace WlzMessaging.Ingestion.Processing;

/// <summary>What the file pipeline needs from configuration.</summary>
public sealed record ProcessingSettings
{
    /// <summary>This zorgkantoor's UZOVI code: a file addressed to another is rejected with 0018. Null skips the check.</summary>
    public int? Uzovi { get; init; }

    /// <summary>Who processes (vektis_file.claimed_by): the worker id, or <c>wlz process</c> with host and pid.</summary>
    public string ProcessedBy { get; init; } = $"wlz process {Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// An AW320 up to this size is also kept in its aw320 row (about 2,800 lines a MiB), so a byte-identical input is answered
    /// again even after the outbox and archive were cleared; a larger one is kept on disk only, by path.
    /// </summary>
    public long Aw320ContentLimit { get; init; } = 1024 * 1024;

    /// <summary>
    /// After a file of at least this many lines its memory is given back to the system at once (a full compacting
    /// collection): a million-line file leaves tens of MB of garbage that the GC would otherwise carry into the next file.
    /// </summary>
    public long ReturnMemoryFromLines { get; init; } = 100_000;
}
