using Microsoft.Extensions.Logging;
using Npgsql;
using WlzMessaging.Storage.Migrations;

namespace WlzMessaging.Storage;

/// <summary>
/// The database every command and the worker work against: an opened endpoint, its data source (Npgsql's logging wired to
/// the host's loggers) and the schema brought up to date. The one way to get a data source; where the endpoint comes from
/// (the embedded server or an external one) is the caller's <see cref="StoreOpener"/>.
/// </summary>
public sealed class Store : IAsyncDisposable
{
    private Store(DatabaseEndpoint endpoint, NpgsqlDataSource dataSource)
    {
        Endpoint = endpoint;
        DataSource = dataSource;
    }

    public DatabaseEndpoint Endpoint { get; }

    /// <summary>
    /// Storage's own: the layers above get what they need from the store (<see cref="StoreParts"/>, the unit of work of a
    /// file, the readers), never the data source.
    /// </summary>
    internal NpgsqlDataSource DataSource { get; }

    /// <summary>Where the database is, for people; never holds a password.</summary>
    public string Description => Endpoint.Description;

    /// <summary>Takes ownership of <paramref name="endpoint"/> (disposed with the store, or here when migration fails).</summary>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    /// <exception cref="MigrationException">The schema does not match this build.</exception>
    public static async Task<Store> OpenAsync(DatabaseEndpoint endpoint, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        DapperTypeHandlers.Register();
        NpgsqlDataSource? dataSource = null;
        try
        {
            dataSource = endpoint.CreateDataSource(loggers);
            await SchemaMigrator.Default.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return new Store(endpoint, dataSource);
        }
        catch
        {
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }

            await endpoint.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await Endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
