using WlzMessaging.Funding;
using WlzMessaging.Ingestion;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The database of a funding command: the command's <see cref="Store"/> (<see cref="CommandStore"/>), the advance protocols
/// it computes with, and the <see cref="AdvanceRunStore"/> on them.
/// </summary>
internal sealed class FundingDatabase : IAsyncDisposable
{
    private readonly Store _store;

    private FundingDatabase(Store store, FundingSettings settings)
    {
        _store = store;
        Settings = settings;
        Store = store.AdvanceRuns(settings);
    }

    public AdvanceRunStore Store { get; }

    /// <summary>The advance protocols the commands compute with (<see cref="ProtocolOption"/>).</summary>
    public FundingSettings Settings { get; }

    public static async Task<FundingDatabase> OpenAsync(CommandArguments args, CancellationToken cancellationToken)
    {
        var settings = ProtocolOption.Resolve(args);
        var store = await CommandStore.OpenAsync(args, loggers: null, cancellationToken).ConfigureAwait(false);
        return new FundingDatabase(store, settings);
    }

    /// <summary>Runs a store operation; a refusal of the store is the command's one-line failure.</summary>
    public static async Task<T> RefusalsFailAsync<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (FundingRefusedException e)
        {
            throw new CommandFailedException(e.Message);
        }
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
