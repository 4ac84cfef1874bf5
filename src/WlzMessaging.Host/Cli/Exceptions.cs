namespace WlzMessaging.Host.Cli;

/// <summary>The command line is wrong (exit 2): the message says what, in one line, without the program name.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
