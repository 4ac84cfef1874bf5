using WlzMessaging.Host.Cli;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz init</c>: creates the store (the embedded PostgreSQL of a data directory) and says where.</summary>
public sealed class InitCommand : Command
{
    public override string Name => "init";

    public override string Summary => "Create the store: the embedded PostgreSQL in the data directory (or the schema on --connection), and say where";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options = [.. StorageOptions.Options],
        Details = """
            Only wlz init, and the first wlz process, reference import or run on a data directory, create a store (and say so);
            every other command on a
            data directory without one stops with a line naming the path (a mistyped --data-dir never looks like an empty
            engine). On a store that exists, init brings its schema up to date and says so. Exit 0 when the store is ready.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var location = StorageOptions.Resolve(args);
        var existed = location.Exists;
        await using (await CommandStore.OpenOrCreateAsync(args, loggers: null, TextWriter.Null, cancellationToken))
        {
        }

        await console.Out.WriteLineAsync(existed
            ? $"the store is ready (it existed): {location.Description}"
            : $"created a new store: {location.Description}");
        return ExitCodes.Ok;
    }
}
