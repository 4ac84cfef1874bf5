using Microsoft.Win32.SafeHandles;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// A file stream that asks the kernel to start writing each completed 16 MiB to disk while the rest is still being made
/// (Linux <c>sync_file_range</c>, asynchronous): the <c>fsync</c> before the commit then has little left to wait for,
/// instead of the whole AW320 of a large file. Seeking (the responder patches the 01 at the end) is passed through.
/// </summary>
internal sealed class WritebackStream(FileStream inner) : Stream
{
    private const long Chunk = 16 * 1024 * 1024;

    private readonly SafeFileHandle _handle = inner.SafeFileHandle;
    private long _startedUpTo;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        StartWriteback();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        StartWriteback();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <summary>Everything written, on disk.</summary>
    public void Sync() => inner.Flush(flushToDisk: true);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => inner.SetLength(value);

    private void StartWriteback()
    {
        var position = inner.Position;
        if (position - _startedUpTo < Chunk)
        {
            return;
        }

        var end = position / Chunk * Chunk;
        DurableFiles.StartWriteback(_handle, _startedUpTo, end - _startedUpTo);
        _startedUpTo = end;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
