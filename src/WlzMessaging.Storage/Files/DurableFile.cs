using System.Runtime.InteropServices;

namespace WlzMessaging.Storage.Files;

/// <summary>
/// Writing a file so that it survives a crash of the machine, not only of the process: the content is written under a
/// hidden temporary name and synced, renamed into place, and then the directory is synced, because a rename lives in the
/// directory and is not on disk until the directory is. On Linux a rename within a directory is atomic: whoever collects
/// the file sees no file or the whole file, never half of it.
/// </summary>
public static partial class DurableFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to the new file <paramref name="path"/> (its directory created when missing) as
    /// described above. A file already at <paramref name="path"/> is never replaced: the rename fails with an
    /// <see cref="IOException"/> and the temporary file is removed.
    /// </summary>
    public static async Task WriteNewAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);

        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: false);
            _ = SyncDirectory(directory);
        }
        finally
        {
            // Gone after a successful rename; left behind only when writing or renaming failed.
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Removes a file and syncs its directory, so the removal is on disk too; nothing happens when the file or its directory
    /// is not there.
    /// </summary>
    public static void Delete(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            return;
        }

        File.Delete(fullPath);
        _ = SyncDirectory(directory);
    }

    /// <summary>
    /// Syncs a directory (fsync of the directory itself), so a new name, a rename or a removal in it survives a crash of
    /// the machine. Best effort: false on Windows (nothing this can sync), or when the directory cannot be opened or synced.
    /// </summary>
    public static bool SyncDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        // .NET opens no directory as a file, so libc does. O_RDONLY opens a directory on Linux (O_DIRECTORY only adds a
        // check, and its value differs per architecture).
        var fd = Open(directory, ORdOnly);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            return Fsync(fd) == 0;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const int ORdOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
