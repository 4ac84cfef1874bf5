using System.Diagnostics;

namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// The operating-system user the server runs as. PostgreSQL refuses to run as root (initdb and postgres both stop), so a root
/// process runs every server command as the <c>postgres</c> user that Debian's package creates, through <c>runuser</c>, and
/// hands it the directories the server writes. Any other user runs the server as itself.
/// </summary>
internal sealed class ServerAccount
{
    public const string PostgresUser = "postgres";

    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromSeconds(60);

    private readonly string? _runuser;

    private ServerAccount(string? runAs, string? runuser)
    {
        RunAs = runAs;
        _runuser = runuser;
    }

    /// <summary>The user the server runs as when it is not this process's own user; null otherwise.</summary>
    public string? RunAs { get; }

    public static async Task<ServerAccount> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(null, null);
        }

        var runuser = FindProgram("runuser")
            ?? throw new EmbeddedPostgresException(
                "running as root, the server must be started as the 'postgres' user, but 'runuser' (util-linux) was not found");
        var id = await ExternalCommand.RunAsync(new ProcessStartInfo("id", ["-u", PostgresUser]), s_toolTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (!id.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"running as root, the server must run as the '{PostgresUser}' user, which does not exist: install the Debian " +
                $"package '{PostgresBinaries.DebianPackage}' (it creates that user) or run as an ordinary user");
        }

        return new ServerAccount(PostgresUser, runuser);
    }

    /// <summary>A command that runs <paramref name="program"/> as the server's user.</summary>
    public ProcessStartInfo Command(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        // The working directory must be one the server's user may enter: pg_ctl and initdb complain when they cannot resolve
        // their current directory (root's home is closed to postgres).
        ProcessStartInfo startInfo;
        if (RunAs is null)
        {
            startInfo = new ProcessStartInfo(program, arguments);
        }
        else
        {
            startInfo = new ProcessStartInfo(_runuser!, ["-u", RunAs, "--", program, .. arguments]);
        }

        startInfo.WorkingDirectory = workingDirectory;
        return startInfo;
    }

    /// <summary>Gives a path (and everything under it) to the server's user; nothing to do when that is this process's user.</summary>
    public async Task GiveAsync(string path, CancellationToken cancellationToken)
    {
        if (RunAs is null)
        {
            return;
        }

        var result = await ExternalCommand.RunAsync(
                new ProcessStartInfo("chown", ["-R", RunAs + ":", path]), s_toolTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException($"could not give {path} to the '{RunAs}' user: {result.LastLine}");
        }
    }

    /// <summary>
    /// Whether the server's user can enter and write <paramref name="directory"/>. A root-only parent directory (a home
    /// directory, a temporary directory made with mode 0700) would otherwise fail deep inside initdb with a cryptic message.
    /// </summary>
    public async Task EnsureReachableAsync(string directory, CancellationToken cancellationToken)
    {
        if (RunAs is null)
        {
            return;
        }

        var probe = Command("test", ["-x", directory, "-a", "-w", directory], "/");
        var result = await ExternalCommand.RunAsync(probe, s_toolTimeout, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return;
        }

        var closed = ClosedAncestors(directory);
        var blockers = closed.Count > 0 ? string.Join(' ', closed) : directory;
        throw new EmbeddedPostgresException(
            $"the '{RunAs}' user cannot reach {directory}; other users may not enter {blockers} " +
            $"(chmod o+x {blockers}, or choose a data directory elsewhere)");
    }

    /// <summary>The ancestors that other users may not enter, outermost first: the usual cause of a locked-out server user.</summary>
    private static List<string> ClosedAncestors(string directory)
    {
        var closed = new List<string>();
        for (var current = Path.GetDirectoryName(directory); current is not null; current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current) && (File.GetUnixFileMode(current) & UnixFileMode.OtherExecute) == 0)
            {
                closed.Insert(0, current);
            }
        }

        return closed;
    }

    private static string? FindProgram(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
    }
}
