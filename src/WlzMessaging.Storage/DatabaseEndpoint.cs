using Npgsql;
using WlzMessaging.Storage.Embedded;

namespace WlzMessaging.Storage;

/// <summary>
/// The PostgreSQL a command works against: the private embedded server in the data directory (the default), or an external
/// server named by a connection string (<c>--connection</c>, env <c>WLZ_CONNECTION</c>). Disposing lets go of it; for the
/// embedded server that stops it, unless another process still uses it.
/// </summary>
public abstract class DatabaseEndpoint : IAsyncDisposable
{
    /// <summary>The data directory when none is configured: ./.wlz.</summary>
    public const string DefaultDataDirectory = ".wlz";

    private protected DatabaseEndpoint()
    {
    }

    /// <summary>The connection string to use; see <see cref="ConnectionStrings"/>.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Where the database is, for logs and messages; never holds a password.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The external server when <paramref name="connectionString"/> is given, else the embedded server in
    /// <paramref name="dataDirectory"/> (started, and created on first use).
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">The embedded server could not be started (one-line reason).</exception>
    /// <exception cref="ArgumentException">The connection string is not valid.</exception>
    public static async Task<DatabaseEndpoint> OpenAsync(
        string? connectionString,
        string? dataDirectory,
        EmbeddedPostgresOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return ExternalDatabaseEndpoint.Create(connectionString);
        }

        var server = await EmbeddedPostgres.StartAsync(
                string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory, options, cancellationToken)
            .ConfigureAwait(false);
        return new EmbeddedDatabaseEndpoint(server);
    }

    /// <summary>A data source (connection pool) for <see cref="ConnectionString"/>; the caller disposes it.</summary>
    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public abstract ValueTask DisposeAsync();

    public override string ToString() => Description;
}
