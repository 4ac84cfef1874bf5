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
/// A store that does not exist is created only where the command says so (<see cref="OpenOrCreateAsync"/>: wlz init, and
/// the first wlz process, reference import or run, each with a line saying where); any other command stops with one line naming the path,
/// so a mistyped --data-dir never shows an empty new store as "no files".
/// </summary>
internal static class CommandStore
{
    /// <summary>Opens an existing store.</summary>
    /// <exception cref="CommandFailedException">There is no store at the location (the message names the path and what to do).</exception>
    public static Task<Store> OpenAsync(CommandArguments args, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        var location = StorageOptions.Resolve(args);
        return location.Exists
            ? OpenAsync(location, loggers, cancellationToken)
            : throw new CommandFailedException(Missing(location));
    }

    /// <summary>Opens the store, creating it when there is none; a line on <paramref name="note"/> says where it was created.</summary>
    public static async Task<Store> OpenOrCreateAsync(CommandArguments args, ILoggerFactory? loggers, TextWriter note, CancellationToken cancellationToken)
    {
        var location = StorageOptions.Resolve(args);
        var existed = location.Exists;
        var store = await OpenAsync(location, loggers, cancellationToken).ConfigureAwait(false);
        if (!existed)
        {
            await note.WriteLineAsync($"created a new store: {location.Description}").ConfigureAwait(false);
        }

        return store;
    }

    /// <summary>The one line for a store that is not there.</summary>
    public static string Missing(StoreLocation location) =>
        $"no store in {location.DataDirectory}: check --data-dir (or {StorageOptions.DataDirEnvironment}), or create it with 'wlz init --data-dir {location.DataDirectory}'";

    private static async Task<Store> OpenAsync(StoreLocation location, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
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
