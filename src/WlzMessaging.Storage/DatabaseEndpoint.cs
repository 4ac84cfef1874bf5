using Microsoft.Extensions.Logging;
using Npgsql;

namespace WlzMessaging.Storage;

/// <summary>
/// The PostgreSQL a command works against: an external server named by a connection string
/// (<see cref="ExternalDatabaseEndpoint"/>), or the private embedded server of WlzMessaging.Storage.Embedded. Disposing lets
/// go of it; for the embedded server that stops it, unless another process still uses it.
/// </summary>
public abstract class DatabaseEndpoint : IAsyncDisposable
{
    protected DatabaseEndpoint()
    {
    }

    /// <summary>The connection string to use; see <see cref="ConnectionStrings"/>.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Where the database is, for logs and messages; never holds a password.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// A data source (connection pool) for <see cref="ConnectionString"/>; the caller disposes it. With
    /// <paramref name="loggers"/>, Npgsql logs through the host's loggers (connection errors, slow commands), never
    /// parameter values: a BSN is a parameter.
    /// </summary>
    public NpgsqlDataSource CreateDataSource(ILoggerFactory? loggers = null)
    {
        var builder = new NpgsqlDataSourceBuilder(ConnectionString);
        if (loggers is not null)
        {
            builder.UseLoggerFactory(loggers);
        }

        return builder.Build();
    }

    public abstract ValueTask DisposeAsync();

    public override string ToString() => Description;
}
