using Microsoft.Extensions.Logging;
using Npgsql;
using WlzMessaging.Host.Cli;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Storage.Migrations;

namespace WlzMessaging.Host.Processing;

/// <summary>The database a command works against, opened and migrated: the embedded server by default, else external.</summary>
internal sealed class Store : IAsyncDisposable
{
    private Store(DatabaseEndpoint endpoint, NpgsqlDataSource dataSource)
    {
        Endpoint = endpoint;
        DataSource = dataSource;
    }

    public DatabaseEndpoint Endpoint { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Opens the database and brings its schema up to date.</summary>
    /// <exception cref="EmbeddedPostgresException">The embedded server could not be started.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    /// <exception cref="MigrationException">The schema does not match this build.</exception>
    public static async Task<Store> OpenAsync(string? connection, string dataDirectory, ILogger? logger, CancellationToken cancellationToken)
    {
        DapperTypeHandlers.Register();
        var options = EmbeddedPostgresOptions.Default with { Logger = logger };
        var endpoint = await DatabaseEndpoint.OpenAsync(connection, dataDirectory, options, cancellationToken).ConfigureAwait(false);
        NpgsqlDataSource? dataSource = null;
        try
        {
            dataSource = endpoint.CreateDataSource();
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

    /// <summary>
    /// For commands: <see cref="OpenAsync"/> with every way it can fail turned into a one-line
    /// <see cref="CommandFailedException"/>.
    /// </summary>
    public static async Task<Store> OpenForCommandAsync(CommandArguments args, ILogger? logger, CancellationToken cancellationToken)
    {
        var (connection, dataDirectory) = StorageOptions.Resolve(args);
        try
        {
            return await OpenAsync(connection, dataDirectory, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (EmbeddedPostgresException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (MigrationException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (ArgumentException e) when (connection is not null)
        {
            throw new CommandFailedException($"--connection: {e.Message}", e);
        }
        catch (NpgsqlException e)
        {
            throw new CommandFailedException($"cannot reach the database: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await Endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
