using System.Runtime.InteropServices;
using System.Text;

namespace WlzMessaging.Ingestion.Worker;

/// <summary>The kind of a directory entry as the file system says it is, without opening it.</summary>
internal enum EntryType
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

/// <summary>What <c>lstat</c> (or <c>stat</c>, following links) says of an entry: its type, size and modification time.</summary>
internal readonly partial record struct EntryStatus(EntryType Type, long Size, DateTime ModifiedUtc)
{
    /// <summary>
    /// The entry itself (a link is not followed), or null when it is gone. Never opens it: opening a FIFO for reading
    /// blocks until a writer comes, which would stall the worker. On Linux through <c>statx</c> (its layout is the same on
    /// every architecture); elsewhere from what .NET tells (which cannot see FIFOs, sockets or devices).
    /// </summary>
    public static EntryStatus? Of(string path) => Stat(path, follow: false, out _);

    /// <summary>
    /// What a symbolic link leads to (followed to the end, as opening it would), or null with the reason it leads nowhere:
    /// <c>ENOENT</c> (dangling), <c>ELOOP</c> (a loop), <c>EACCES</c>.
    /// </summary>
    public static EntryStatus? Target(string path, out int error) => Stat(path, follow: true, out error);

    /// <summary>The errno values <see cref="Target"/> names.</summary>
    public const int NoSuchEntry = 2;
    public const int Loop = 40;

    private static EntryStatus? Stat(string path, bool follow, out int error)
    {
        error = 0;
        if (OperatingSystem.IsLinux())
        {
            var flags = follow ? 0 : AtSymlinkNoFollow;
            if (Native.Statx(AtFdCwd, path, flags, StatxBasicStats, out var buffer) == 0)
            {
                var modified = DateTime.UnixEpoch.AddSeconds(buffer.MtimeSeconds).AddTicks(buffer.MtimeNanoseconds / 100);
                return new EntryStatus(TypeOf(buffer.Mode), (long)buffer.Size, modified);
            }

            error = Marshal.GetLastPInvokeError();
            return null;
        }

        return Managed(path, follow, out error);
    }

    private static EntryStatus? Managed(string path, bool follow, out int error)
    {
        error = NoSuchEntry;
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return null;
        }

        if (info.LinkTarget is not null && !follow)
        {
            return new EntryStatus(EntryType.SymbolicLink, 0, info.LastWriteTimeUtc);
        }

        if (follow && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false })
        {
            return null;
        }

        error = 0;
        return info is DirectoryInfo
            ? new EntryStatus(EntryType.Directory, 0, info.LastWriteTimeUtc)
            : new EntryStatus(EntryType.Regular, ((FileInfo)info).Length, info.LastWriteTimeUtc);
    }

    private static EntryType TypeOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => EntryType.Regular,
        0x4000 => EntryType.Directory,
        0xA000 => EntryType.SymbolicLink,
        0x1000 => EntryType.Fifo,
        0xC000 => EntryType.Socket,
        0x2000 => EntryType.CharacterDevice,
        0x6000 => EntryType.BlockDevice,
        _ => EntryType.Other,
    };

    /// <summary>The entry type in words, for a quarantine reason.</summary>
    public static string Describe(EntryType type) => type switch
    {
        EntryType.Regular => "a file",
        EntryType.Directory => "a directory",
        EntryType.SymbolicLink => "a symbolic link",
        EntryType.Fifo => "a named pipe (FIFO)",
        EntryType.Socket => "a socket",
        EntryType.CharacterDevice => "a character device",
        EntryType.BlockDevice => "a block device",
        _ => "not a file",
    };

    /// <summary>
    /// The raw names (bytes, as the directory holds them) in <paramref name="directory"/> that are not UTF-8: .NET shows
    /// such a name with U+FFFD in place of the bad bytes, a name under which it cannot be opened. Linux only.
    /// </summary>
    public static IReadOnlyList<byte[]> UndecodableNames(string directory)
    {
        var names = new List<byte[]>();
        if (!OperatingSystem.IsLinux())
        {
            return names;
        }

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var dir = Native.OpenDir(directory);
        if (dir == IntPtr.Zero)
        {
            return names;
        }

        try
        {
            IntPtr entry;
            while ((entry = Native.ReadDir(dir)) != IntPtr.Zero)
            {
                // struct dirent (glibc and musl, 64-bit): d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name.
                var name = NameAt(entry + 19);
                try
                {
                    strict.GetCharCount(name);
                }
                catch (DecoderFallbackException)
                {
                    names.Add(name);
                }
            }
        }
        finally
        {
            _ = Native.CloseDir(dir);
        }

        return names;
    }

    /// <summary>Renames an entry known only by its raw name (<see cref="UndecodableNames"/>) within its directory.</summary>
    /// <exception cref="IOException">The rename failed (errno in the message).</exception>
    public static void RenameRaw(string directory, byte[] rawName, string newName)
    {
        var prefix = Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(directory) + "/");
        byte[] source = [.. prefix, .. rawName, 0];
        byte[] target = [.. prefix, .. Encoding.UTF8.GetBytes(newName), 0];
        if (Native.Rename(source, target) != 0)
        {
            throw new IOException($"rename failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    private static unsafe byte[] NameAt(IntPtr name)
    {
        var start = (byte*)name;
        var length = 0;
        while (start[length] != 0)
        {
            length++;
        }

        return new ReadOnlySpan<byte>(start, length).ToArray();
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;

    /// <summary>struct statx: the same layout on every Linux architecture (256 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(112)]
        public long MtimeSeconds;

        [FieldOffset(120)]
        public uint MtimeNanoseconds;
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int Statx(int dirfd, string path, int flags, uint mask, out StatxBuffer buffer);

        [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial IntPtr OpenDir(string path);

        [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
        internal static partial IntPtr ReadDir(IntPtr dir);

        [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
        internal static partial int CloseDir(IntPtr dir);

        [LibraryImport("libc", EntryPoint = "rename", SetLastError = true)]
        internal static partial int Rename(byte[] oldPath, byte[] newPath);
    }
}
