namespace WlzMessaging.Storage;

/// <summary>
/// The database could not be reached or started, for a reason that is not a PostgreSQL error (Npgsql reports those itself):
/// the worker waits and tries again, a command stops with the message. The message is one line an operator can act on.
/// </summary>
public class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
