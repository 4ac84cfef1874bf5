using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Funding;
using static WlzMessaging.Operations.OutputFormats;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz advance show --date</c>: a stored run as it stands, draft (with its adjustments) or approved.</summary>
public sealed class AdvanceShowCommand : Command
{
    public override string Name => "advance show";

    public override string Summary => "Show a stored run as it stands: a draft with its adjustments, or an approved run";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("date", "YYYY-MM-DD", "the run date", required: true),
            OutputFormatOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            The same output as wlz advance run, read from the database without computing anything: after adjustments the
            items include the correctie items and the payments are the adjusted ones; the table also lists who adjusted what,
            when and why. Warnings of the run (MNDP rows not counted, unknown AGB codes) go to standard error.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var date = args.Date("date")!.Value;
        var format = OutputFormatOption.Resolve(args);
        await using var database = await FundingDatabase.OpenAsync(args, cancellationToken);
        var stored = await database.Store.GetRunAsync(date, cancellationToken)
            ?? throw new CommandFailedException($"there is no run of {Day(date)}");
        var adjustments = await database.Store.GetAdjustmentsAsync(date, cancellationToken);

        foreach (var warning in AdvanceRunOutput.Warnings(stored))
        {
            await console.Error.WriteLineAsync($"wlz {Name}: warning: {warning}");
        }

        await console.Out.WriteAsync(format == OutputFormat.Json
            ? AdvanceRunOutput.Json(stored.Run)
            : AdvanceRunOutput.Table(stored, adjustments));
        return ExitCodes.Ok;
    }
}
