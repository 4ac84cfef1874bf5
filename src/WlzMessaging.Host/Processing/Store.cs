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

    /// <summary>
    /// Settings for the embedded server when this process starts it, shaped by the ingestion of one big file: a file of a
    /// million lines writes about 300 MB of WAL in one transaction, so checkpoints are spaced out beyond that (fewer full
    /// page images in the middle of a COPY), and the shared buffers hold the declaration_line pages and index pages a COPY
    /// is filling. Durability is untouched (fsync, full_page_writes and synchronous_commit stay on).
    /// </summary>
    internal static IReadOnlyDictionary<string, string> BulkLoadSettings { get; } = new Dictionary<string, string>
    {
        ["shared_buffers"] = "256MB",
        ["max_wal_size"] = "2GB",
        ["checkpoint_timeout"] = "15min",
        ["wal_buffers"] = "16MB",
    };

    public DatabaseEndpoint Endpoint { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Opens the database and brings its schema up to date.</summary>
    /// <exception cref="EmbeddedPostgresException">The embedded server could not be started.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    /// <exception cref="MigrationException">The schema does not match this build.</exception>
    public static async Task<Store> OpenAsync(string? connection, string dataDirectory, ILogger? logger, CancellationToken cancellationToken)
    {
        DapperTypeHandlers.Register();
        var options = EmbeddedPostgresOptions.Default with { Logger = logger, ServerSettings = BulkLoadSettings };
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
