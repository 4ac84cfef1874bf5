using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// A file after its first pass (<see cref="FileProcessor.ReadAsync"/>), waiting for its second half
/// (<see cref="FileProcessor.CompleteAsync"/>): either what the first pass learnt (structure, hash, the answers' session
/// with the prepass) or, when the input was gone, the outcome already. Nothing of it is stored yet.
/// </summary>
public sealed class FirstPassResult
{
    private FirstPassState? _state;

    internal FirstPassResult(FileJob job, FileOutcome outcome)
    {
        Job = job;
        Outcome = outcome;
    }

    internal FirstPassResult(FileJob job, FirstPassState state)
    {
        Job = job;
        _state = state;
        ProviderAgb = VoorloopInfo.From(state.Structure.Voorloop).ProviderAgb;
    }

    public FileJob Job { get; }

    /// <summary>The file's outcome when the first pass already decided it (<see cref="FileOutcomeKind.Gone"/>); else null.</summary>
    public FileOutcome? Outcome { get; }

    /// <summary>
    /// The provider of the file's 01 record, whose history its second half reads; null when the first pass found none (the
    /// file is rejected as a whole, or was gone).
    /// </summary>
    public int? ProviderAgb { get; }

    /// <summary>
    /// The state, taken out once: the second half owns it, and this result (which the caller may hold a while longer) no
    /// longer keeps the file's prepass alive.
    /// </summary>
    internal FirstPassState Take() =>
        Interlocked.Exchange(ref _state, null) ?? throw new InvalidOperationException($"{Job.FileName}: its first pass was completed before");
}

/// <summary>What the second half of a file needs from its first pass.</summary>
/// <param name="Started">The file's start (stopwatch ticks): its total time counts from here.</param>
/// <param name="Ready">When the first pass and the snapshot were done (stopwatch ticks): the wait from here is <see cref="FileTimings.Queued"/>.</param>
internal sealed record FirstPassState(
    FileJob Job,
    IFileAnswerSession Session,
    VektisReaderOptions ReaderOptions,
    VektisReadResult Structure,
    byte[] Sha256,
    long Size,
    FileTimings Timings,
    long Started,
    long Ready);
