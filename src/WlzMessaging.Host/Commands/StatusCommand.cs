using System.Text.Json;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Status;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz status</c>: is the engine alive and what is it doing, in a few lines.</summary>
public sealed class StatusCommand : Command
{
    public override string Name => "status";

    public override string Summary => "Whether the worker runs, inbox depth, the file in hand, the last AW320, the database, the last nightly run";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OutputFormatOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            Workers write a heartbeat to the database every few seconds (worker_heartbeat). A worker is running when its
            last heartbeat is younger than twice its interval and it has not said it stopped; the inbox depth is what the
            running workers last counted. The file in hand is every file a worker claimed and has not finished. Times are
            Amsterdam times; ages are measured by the database's clock. Shows file names, AGB codes and counts: never a BSN,
            a name or a birth date.

            Exit code 0 when the database answered (whether or not a worker runs: read the output, or --format json, for
            that); 1 when the database cannot be reached, with the reason on stderr.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var json = OutputFormatOption.Resolve(args) == OutputFormat.Json;

        await using var database = await CommandStore.OpenAsync(args, loggers: null, cancellationToken);
        StatusRows rows;
        try
        {
            rows = await database.LiveQueries().ReadStatusAsync(cancellationToken);
        }
        catch (Exception e) when (StorageFailures.IsDatabaseError(e) || e is TimeoutException)
        {
            throw new CommandFailedException($"database unreachable ({database.Description}): {e.Message}", e);
        }

        var status = StatusView.Build(rows, database.Description);
        await console.Out.WriteAsync(json
            ? JsonSerializer.Serialize(status, OperationsJson.Default.StatusSnapshot) + Environment.NewLine
            : StatusView.Write(status));
        return ExitCodes.Ok;
    }
}
