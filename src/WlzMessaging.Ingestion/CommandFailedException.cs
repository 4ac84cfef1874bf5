namespace WlzMessaging.Ingestion;

/// <summary>
/// The work asked for could not be done (a command exits 1): the message is the one-line reason an operator acts on. Thrown
/// where the reason is known (a reference directory that cannot be read, protocols that are not valid) and printed as is.
/// </summary>
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
