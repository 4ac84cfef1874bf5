namespace WlzMessaging.Host.Cli;

/// <summary>The exit codes of <c>wlz</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command failed (a file that cannot be opened, a database that is down …); the reason is on stderr.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
