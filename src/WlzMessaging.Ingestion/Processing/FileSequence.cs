namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// Files processed one after another, each file's first pass run while the file before it is stored: the worker's way
/// through a full inbox. While file N is in its second half (its history, the second pass with the COPY of its lines, the
/// commit), file N+1 is read, hashed and prepassed on the other core.
/// </summary>
/// <remarks>
/// <para>
/// Only first passes run ahead, and only one: the read of N+1 starts when N's first pass is done, and the read of N+2 when
/// N+1 is taken for its second half. So at most two files are in memory (one being stored, one read and waiting), which
/// bounds the worker's memory at about one file more than <c>wlz process</c> needs.
/// </para>
/// <para>
/// Second halves run one at a time, in order. A file's second half reads the store (its content seen before, the
/// provider's history) only after the file before it committed, so two files of one provider are answered exactly as if
/// processed one after the other. A first pass reads nothing of the store but the reference snapshot, stores nothing and
/// moves nothing: a crash while a file is read ahead leaves it in the inbox as it was (specs/ingestion.md).
/// </para>
/// </remarks>
public sealed class FileSequence(FileProcessor processor, CancellationToken reading) : IAsyncDisposable
{
    private Ahead? _ahead;

    /// <summary>
    /// The first pass of <paramref name="job"/> (the one read ahead when it is this file, else started now), and, once that
    /// is done, the first pass of <paramref name="next"/> beside <paramref name="job"/>'s second half.
    /// </summary>
    public async Task<FirstPassResult> ReadAsync(FileJob job, FileJob? next)
    {
        ArgumentNullException.ThrowIfNull(job);
        Task<FirstPassResult> read;
        if (_ahead is { } ahead && ahead.Job.InputPath == job.InputPath)
        {
            read = ahead.Read;
        }
        else
        {
            // Not the file read ahead (it was gone, or left alone): that read is let go and this one started.
            await ForgetAheadAsync().ConfigureAwait(false);
            read = processor.ReadAsync(job, reading);
        }

        _ahead = next is null ? null : new Ahead(next, ReadAfterAsync(read, next));
        return await read.ConfigureAwait(false);
    }

    /// <summary>Waits for a read ahead that nobody took (the worker stopped or lost its database), ignoring its outcome.</summary>
    public async ValueTask DisposeAsync() => await ForgetAheadAsync().ConfigureAwait(false);

    private async Task<FirstPassResult> ReadAfterAsync(Task previous, FileJob next)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The previous file's failure is its own: its caller sees it; this file is read regardless.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return await processor.ReadAsync(next, reading).ConfigureAwait(false);
    }

    private async Task ForgetAheadAsync()
    {
        if (_ahead is not { } ahead)
        {
            return;
        }

        _ahead = null;
        try
        {
            await ahead.Read.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A read nobody takes: its file is read again when its turn comes, and fails there if it must.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed record Ahead(FileJob Job, Task<FirstPassResult> Read);
}
