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
            Each worker writes its row (worker_status) before it takes a file, after it finished one, and every few seconds.
            A worker is running when its row is younger than twice its interval and does not say stopped; the files waiting
            are what the running workers last counted, the files in hand not counted. The file in hand is the one a running
            worker has taken and not finished; the dashboard and the metrics show the same at the same moment. Times are
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
