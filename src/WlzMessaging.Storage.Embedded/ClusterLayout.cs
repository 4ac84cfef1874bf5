using System.Security.Cryptography;
using System.Text;

namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// Where everything of the private server lives inside a data directory:
/// <code>
/// DIR/pg/            the cluster (PGDATA), owned by the server's user
/// DIR/pg.init/       a cluster being created; renamed to pg/ only when initdb finished, so a killed initdb leaves no half cluster
/// DIR/run/           the Unix socket directory (or /tmp/wlz-HASH when DIR is too long, see <see cref="SocketDirectory"/>)
/// DIR/postgres.log   the server's log (startup, shutdown, errors)
/// DIR/wlz.lock       held while a process starts or stops the server
/// DIR/leases/        one locked file per process that uses the server
/// </code>
/// </summary>
internal sealed class ClusterLayout
{
    /// <summary>The socket's port number; it only names the socket file, as the server listens on no TCP port.</summary>
    public const int Port = 5432;

    /// <summary>The kernel's sockaddr_un.sun_path holds 108 bytes including the terminating NUL.</summary>
    internal const int MaxSocketPathBytes = 107;

    private static readonly string s_socketFileName = ".s.PGSQL." + Port;

    public ClusterLayout(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));

        // pg_ctl hands the cluster path to /bin/sh inside double quotes, where these characters keep a meaning.
        if (Root.AsSpan().IndexOfAny("\"$`\\\n") >= 0)
        {
            throw new EmbeddedPostgresException($"the data directory path may not contain \", $, `, \\ or a line break: {Root}");
        }

        ClusterDirectory = Path.Combine(Root, "pg");
        PendingClusterDirectory = Path.Combine(Root, "pg.init");
        LogFile = Path.Combine(Root, "postgres.log");
        LockFile = Path.Combine(Root, "wlz.lock");
        LeaseDirectory = Path.Combine(Root, "leases");
        var preferredSocketDirectory = Path.Combine(Root, "run");
        SocketDirectory = FitsSocketPath(preferredSocketDirectory) ? preferredSocketDirectory : ShortSocketDirectory(Root);
    }

    public string Root { get; }

    public string ClusterDirectory { get; }

    public string PendingClusterDirectory { get; }

    public string LogFile { get; }

    public string LockFile { get; }

    public string LeaseDirectory { get; }

    /// <summary>
    /// DIR/run when the socket's path fits the kernel's limit; for a longer data directory a short directory under /tmp named by
    /// a hash of the data directory's path, so every process on the same data directory computes the same place.
    /// </summary>
    public string SocketDirectory { get; }

    public bool SocketOutsideDataDirectory => !SocketDirectory.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public string VersionFile => Path.Combine(ClusterDirectory, "PG_VERSION");

    public string PidFile => Path.Combine(ClusterDirectory, "postmaster.pid");

    internal static bool FitsSocketPath(string socketDirectory) =>
        Encoding.UTF8.GetByteCount(Path.Combine(socketDirectory, s_socketFileName)) <= MaxSocketPathBytes;

    private static string ShortSocketDirectory(string root)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(root));
        // /tmp rather than TMPDIR: TMPDIR may itself be long, or private to this user and closed to the server's user.
        return Path.Combine("/tmp", "wlz-" + Convert.ToHexStringLower(hash.AsSpan(0, 8)));
    }
}
