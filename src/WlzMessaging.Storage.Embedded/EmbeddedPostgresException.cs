using WlzMessaging.Storage;

namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// The private PostgreSQL could not be found, created, started or reached. The message is one line an operator can act on
/// (the CLI prints it as is); details such as the server log's last lines follow on later lines only where they help.
/// </summary>
public sealed class EmbeddedPostgresException : DatabaseUnavailableException
{
    public EmbeddedPostgresException()
    {
    }

    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
