using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// File steps that survive a crash: data synced before it is renamed into place, the directory synced after, hard links
/// for a second name without a second copy. On Linux a rename within a directory is atomic: a reader sees the old name
/// or the new, never half a file.
/// </summary>
internal static partial class DurableFiles
{
    private const int ReadBufferSize = 1024 * 1024;

    /// <summary>SHA-256 of a file, streamed in large blocks (constant memory).</summary>
    public static async Task<byte[]> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 0,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });
        await using (stream.ConfigureAwait(false))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[ReadBufferSize];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            return hash.GetHashAndReset();
        }
    }

    /// <summary>True when <paramref name="path"/> exists and its SHA-256 is <paramref name="sha256"/>.</summary>
    public static async Task<bool> HasContentAsync(string path, byte[] sha256, CancellationToken cancellationToken)
    {
        try
        {
            return File.Exists(path) && (await HashAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(sha256);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> and syncs it to disk.</summary>
    public static async Task WriteSyncedAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Copies a file and syncs the copy to disk.</summary>
    public static async Task CopySyncedAsync(string source, string destination, CancellationToken cancellationToken)
    {
        var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        await using (input.ConfigureAwait(false))
        {
            var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
            await using (output.ConfigureAwait(false))
            {
                await input.CopyToAsync(output, ReadBufferSize, cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }
        }
    }

    /// <summary>Renames a synced file into place (atomically, replacing what is there) and syncs its directory.</summary>
    public static void Publish(string temporary, string final)
    {
        File.Move(temporary, final, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(final))!);
    }

    /// <summary>
    /// Gives <paramref name="existing"/> a second name (a hard link: no copy, whatever the size); copies instead when the two
    /// lie on different file systems. A file already at <paramref name="link"/> is replaced.
    /// </summary>
    public static async Task LinkOrCopyAsync(string existing, string link, CancellationToken cancellationToken)
    {
        if (File.Exists(link))
        {
            File.Delete(link);
        }

        if (OperatingSystem.IsWindows() || Link(existing, link) != 0)
        {
            var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(link))!, "." + Path.GetFileName(link) + ".tmp");
            await CopySyncedAsync(existing, temporary, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, link, overwrite: true);
        }

        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(link))!);
    }

    /// <summary>Moves a file to another directory (a rename on one file system) and syncs both directories.</summary>
    public static void MoveSynced(string source, string destination)
    {
        File.Move(source, destination, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(source))!);
    }

    /// <summary>
    /// Moves any directory entry (a FIFO, a socket, a directory, a symbolic link itself: whatever it is, it is not opened)
    /// with rename(2), and syncs both directories. A file at <paramref name="destination"/> is replaced.
    /// </summary>
    /// <exception cref="FileNotFoundException">The entry is gone.</exception>
    public static void MoveEntrySynced(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            MoveSynced(source, destination);
            return;
        }

        if (Rename(source, destination) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == ENoEnt
                ? new FileNotFoundException($"{source} is gone", source)
                : new IOException($"could not move {source} to {destination} (errno {errno})");
        }

        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(source))!);
    }

    /// <summary>
    /// Syncs a directory, so a rename or a new name in it survives a crash of the machine (not only of the process). Best
    /// effort: a file system that cannot sync directories has nothing to sync.
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // O_RDONLY opens a directory on Linux (O_DIRECTORY only adds a check, and its value differs per architecture).
        var fd = Open(directory, ORdOnly);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Starts writing a range of a file to disk without waiting (Linux <c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>); a
    /// later fsync still makes it durable. Best effort: elsewhere, or when it fails, nothing happens.
    /// </summary>
    public static void StartWriteback(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long offset, long count)
    {
        if (!OperatingSystem.IsLinux() || handle.IsInvalid || handle.IsClosed)
        {
            return;
        }

        _ = SyncFileRange((int)handle.DangerousGetHandle(), offset, count, SyncFileRangeWrite);
    }

    private const uint SyncFileRangeWrite = 2;
    private const int ENoEnt = 2;
    private const int ORdOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(int fd, long offset, long count, uint flags);

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string source, string destination);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}
