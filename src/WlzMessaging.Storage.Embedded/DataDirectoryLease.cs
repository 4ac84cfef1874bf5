namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// A claim that this process uses the server of a data directory: a file in DIR/leases kept open with an exclusive flock.
/// The last process to let go stops the server. A process killed without stopping leaves its file behind but not its lock
/// (the kernel drops that), so the others see the claim is dead and remove it. Leases are only made and inspected while
/// the <see cref="DataDirectoryLock"/> is held, so a lease is never inspected between its creation and its lock.
/// </summary>
internal sealed class DataDirectoryLease : IDisposable
{
    private const string Extension = ".lease";

    private readonly FileStream _stream;

    private DataDirectoryLease(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    public static DataDirectoryLease Take(string leaseDirectory)
    {
        Directory.CreateDirectory(leaseDirectory);

        // The pid tells an operator which process holds it; the random part keeps two launchers in one process apart.
        var path = System.IO.Path.Combine(leaseDirectory, $"{Environment.ProcessId}-{Guid.NewGuid():N}{Extension}");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new DataDirectoryLease(path, stream);
    }

    /// <summary>Whether any live process holds a lease (let go of your own first); dead leases are removed.</summary>
    public static bool AnyAlive(string leaseDirectory)
    {
        if (!Directory.Exists(leaseDirectory))
        {
            return false;
        }

        var alive = false;
        foreach (var path in Directory.EnumerateFiles(leaseDirectory, "*" + Extension))
        {
            try
            {
                using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

                // We got the lock, so its process is gone.
                File.Delete(path);
            }
            catch (FileNotFoundException)
            {
                // Removed meanwhile by its owner.
            }
            catch (IOException)
            {
                alive = true;
            }
        }

        return alive;
    }

    public void Dispose()
    {
        // Delete while still holding the lock, so no one sees the file unlocked and mistakes it for a dead process's.
        try
        {
            File.Delete(Path);
        }
        finally
        {
            _stream.Dispose();
        }
    }
}
