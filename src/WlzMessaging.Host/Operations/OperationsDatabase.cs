using Npgsql;
using WlzMessaging.Host.Cli;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Storage.Migrations;

namespace WlzMessaging.Host.Operations;

/// <summary>
/// The database an operators' command reads: the endpoint of <c>--data-dir</c>/<c>--connection</c>, its data source, and
/// the schema brought up to date (so a fresh database answers with empty views rather than missing tables).
/// </summary>
internal sealed class OperationsDatabase : IAsyncDisposable
{
    private readonly DatabaseEndpoint _endpoint;

    private OperationsDatabase(DatabaseEndpoint endpoint, NpgsqlDataSource dataSource)
    {
        _endpoint = endpoint;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the database is; never holds a password.</summary>
    public string Description => _endpoint.Description;

    /// <exception cref="CommandFailedException">The database cannot be reached or its schema does not fit this build.</exception>
    public static async Task<OperationsDatabase> OpenAsync(CommandArguments args, CancellationToken cancellationToken)
    {
        var (connection, dataDir) = StorageOptions.Resolve(args);
        DatabaseEndpoint endpoint;
        try
        {
            endpoint = await DatabaseEndpoint.OpenAsync(connection, dataDir, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is EmbeddedPostgresException or ArgumentException)
        {
            throw new CommandFailedException($"database unreachable: {e.Message}", e);
        }

        var dataSource = endpoint.CreateDataSource();
        try
        {
            await SchemaMigrator.Default.MigrateAsync(dataSource, cancellationToken);
            return new OperationsDatabase(endpoint, dataSource);
        }
        catch (Exception e) when (e is NpgsqlException or MigrationException or TimeoutException)
        {
            await dataSource.DisposeAsync();
            await endpoint.DisposeAsync();
            throw new CommandFailedException(
                e is MigrationException ? e.Message : $"database unreachable ({endpoint.Description}): {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _endpoint.DisposeAsync();
    }
}
