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

/// <summary>The command could not do its work (exit 1): the message is the one-line reason.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException()
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
