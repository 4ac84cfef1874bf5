namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// An exclusive lock on DIR/wlz.lock, held while a process starts or stops the server, so two processes never initdb, start or
/// stop the same cluster at once. .NET takes an advisory flock for <see cref="FileShare.None"/> on Unix; the kernel drops it
/// when the process dies, so a killed process never leaves the directory locked.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    public static async Task<DataDirectoryLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TryAcquire(path) is { } acquired)
            {
                return acquired;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new EmbeddedPostgresException(
                    $"another process kept {path} locked for {timeout.TotalSeconds:0} s while starting or stopping the server");
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public static DataDirectoryLock? TryAcquire(string path)
    {
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Held by another process (a sharing violation is an IOException).
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
