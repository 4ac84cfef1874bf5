using System.Globalization;

namespace WlzMessaging.Storage.Embedded;

/// <summary>What a server's running state looks like from its cluster directory.</summary>
internal enum ServerState
{
    /// <summary>No postmaster.pid: the server is down (it was stopped cleanly, or never started).</summary>
    Stopped,

    /// <summary>A postmaster.pid whose process is gone, a zombie, or another program that got the same pid later.</summary>
    Stale,

    /// <summary>A live server that is still starting or already stopping.</summary>
    Busy,

    /// <summary>A live server that accepts connections.</summary>
    Ready,
}

/// <summary>
/// The server's lock file, postmaster.pid: line 1 the pid, 4 the port, 5 the first socket directory, 8 the status
/// ("starting", "ready", "stopping", "standby"). It is read rather than asking <c>pg_ctl status</c>, because pg_ctl only
/// checks that some process has the pid: a postmaster killed with SIGKILL stays a zombie until its new parent reaps it,
/// and after a reboot the pid may belong to anything.
/// </summary>
internal sealed record PostmasterPidFile(int Pid, int Port, string SocketDirectory, string Status)
{
    public static PostmasterPidFile? TryRead(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        // A server that is just starting writes the file in steps: a short file is read as "starting".
        var pid = lines.Length > 0 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var port = lines.Length > 3 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var socketDirectory = lines.Length > 4 ? lines[4].Trim() : "";
        var status = lines.Length > 7 ? lines[7].Trim() : "starting";
        return new PostmasterPidFile(pid, port, socketDirectory, status);
    }

    public static ServerState Probe(string path, out PostmasterPidFile? pidFile)
    {
        pidFile = TryRead(path);
        if (pidFile is null)
        {
            return ServerState.Stopped;
        }

        if (pidFile.Pid <= 0)
        {
            // Written but not yet filled in: a server is starting right now.
            return ServerState.Busy;
        }

        if (!IsLivePostgres(pidFile.Pid))
        {
            return ServerState.Stale;
        }

        return pidFile.Status == "ready" ? ServerState.Ready : ServerState.Busy;
    }

    /// <summary>Whether <paramref name="pid"/> is a running (not zombie) PostgreSQL process.</summary>
    internal static bool IsLivePostgres(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return !Directory.Exists("/proc") && IsRunningWithoutProc(pid);
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }

        // "1234 (postgres) S 1 …": the name sits between the first '(' and the last ')', as it may itself hold either.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.Length)
        {
            return false;
        }

        var name = stat[(open + 1)..close];
        var state = stat[close + 2];
        return state is not ('Z' or 'X' or 'x') && name is "postgres" or "postmaster";
    }

    private static bool IsRunningWithoutProc(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
