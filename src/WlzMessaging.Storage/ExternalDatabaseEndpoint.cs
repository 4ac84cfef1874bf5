using Npgsql;

namespace WlzMessaging.Storage;

/// <summary>A PostgreSQL server run by someone else, named by a connection string. Disposing leaves it alone.</summary>
public sealed class ExternalDatabaseEndpoint : DatabaseEndpoint
{
    private ExternalDatabaseEndpoint(string connectionString, string description)
    {
        ConnectionString = connectionString;
        Description = description;
    }

    public override string ConnectionString { get; }

    public override string Description { get; }

    /// <exception cref="ArgumentException">The text is not a valid Npgsql connection string, or names no database.</exception>
    public static ExternalDatabaseEndpoint Create(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        string tuned;
        try
        {
            tuned = ConnectionStrings.ForExternal(connectionString);
        }
        catch (ArgumentException e)
        {
            // The message of Npgsql's parser names the bad keyword, never the password.
            throw new ArgumentException($"not a valid PostgreSQL connection string: {e.Message}", nameof(connectionString), e);
        }

        var builder = new NpgsqlConnectionStringBuilder(tuned);
        if (string.IsNullOrEmpty(builder.Host))
        {
            // Npgsql would fall back to localhost silently; an operator who gave a connection string meant a server.
            throw new ArgumentException("the connection string names no Host", nameof(connectionString));
        }

        var database = string.IsNullOrEmpty(builder.Database) ? builder.Username : builder.Database;
        return new ExternalDatabaseEndpoint(tuned, $"PostgreSQL at {builder.Host}:{builder.Port}, database {database}");
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
