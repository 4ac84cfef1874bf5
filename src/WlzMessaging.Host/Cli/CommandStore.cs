using Microsoft.Extensions.Logging;
using WlzMessaging.Ingestion;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Storage.Migrations;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The store of a command: <see cref="StorageOptions"/> resolved to a <see cref="StoreLocation"/>, opened and migrated, with
/// every way that can fail turned into one line (<see cref="CommandFailedException"/> or, for a bad connection string,
/// <see cref="UsageException"/>). Every command opens its database here.
/// </summary>
internal static class CommandStore
{
    public static async Task<Store> OpenAsync(CommandArguments args, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        var location = StorageOptions.Resolve(args);
        try
        {
            return await location.OpenStoreAsync(loggers, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabaseUnavailableException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (MigrationException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (ArgumentException e) when (location.IsExternal)
        {
            throw new UsageException($"--connection: {e.Message}", e);
        }
        catch (Exception e) when (StorageFailures.IsDatabaseError(e) || e is TimeoutException)
        {
            throw new CommandFailedException($"database unreachable ({location.Description}): {e.Message}", e);
        }
    }
}
