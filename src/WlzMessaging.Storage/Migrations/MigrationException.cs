namespace WlzMessaging.Storage.Migrations;

/// <summary>The schema could not be brought up to date: a migration failed, was edited after it ran, or is unknown here.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
