using Npgsql;
using WlzMessaging.Funding;
using WlzMessaging.Host.Cli;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Storage.Migrations;

namespace WlzMessaging.Host.Funding;

/// <summary>
/// The database of a funding command: the endpoint of <c>--data-dir</c>/<c>--connection</c> (<see cref="StorageOptions"/>),
/// its schema brought up to date, and the <see cref="AdvanceRunStore"/> on it. Every failure to get there is one line.
/// </summary>
internal sealed class FundingDatabase : IAsyncDisposable
{
    private readonly DatabaseEndpoint _endpoint;
    private readonly NpgsqlDataSource _dataSource;

    private FundingDatabase(DatabaseEndpoint endpoint, NpgsqlDataSource dataSource, FundingSettings settings)
    {
        _endpoint = endpoint;
        _dataSource = dataSource;
        Settings = settings;
        Store = new AdvanceRunStore(dataSource, settings);
    }

    public AdvanceRunStore Store { get; }

    /// <summary>The advance protocols the commands compute with (<see cref="ProtocolFiles"/>).</summary>
    public FundingSettings Settings { get; }

    public NpgsqlDataSource DataSource => _dataSource;

    public static async Task<FundingDatabase> OpenAsync(CommandArguments args, CancellationToken cancellationToken)
    {
        var settings = ProtocolFiles.Resolve(args);
        var (connection, dataDir) = StorageOptions.Resolve(args);
        DatabaseEndpoint endpoint;
        try
        {
            endpoint = await DatabaseEndpoint.OpenAsync(connection, dataDir, cancellationToken: cancellationToken);
        }
        catch (EmbeddedPostgresException e)
        {
            throw new CommandFailedException(e.Message);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--connection: {e.Message}");
        }

        var dataSource = endpoint.CreateDataSource();
        try
        {
            await SchemaMigrator.Default.MigrateAsync(dataSource, cancellationToken);
            return new FundingDatabase(endpoint, dataSource, settings);
        }
        catch (Exception e) when (e is MigrationException or NpgsqlException)
        {
            await dataSource.DisposeAsync();
            await endpoint.DisposeAsync();
            throw new CommandFailedException(e is MigrationException
                ? e.Message
                : $"cannot use the database ({endpoint.Description}): {e.Message}");
        }
        catch
        {
            await dataSource.DisposeAsync();
            await endpoint.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a store operation; a refusal of the store is the command's one-line failure.</summary>
    public static async Task<T> RefusalsFailAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (FundingRefusedException e)
        {
            throw new CommandFailedException(e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _endpoint.DisposeAsync();
    }
}
