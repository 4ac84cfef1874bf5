using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Operations.Funding;
using static WlzMessaging.Operations.OutputFormats;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz advance discard --date</c>: removes a draft run that is not to be approved.</summary>
public sealed class AdvanceDiscardCommand : Command
{
    public override string Name => "advance discard";

    public override string Summary => "Remove a draft run that will not be approved";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("date", "YYYY-MM-DD", "the date of the draft run", required: true),
            .. StorageOptions.Options,
        ],
        Details = """
            For a month that is skipped: a later run is approved only when no earlier run is still a draft. The adjustments
            made to the draft stay on record, marked as no longer applying. An approved run cannot be discarded.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var date = args.Date("date")!.Value;
        await using var database = await FundingDatabase.OpenAsync(args, cancellationToken);
        var discarded = await FundingDatabase.RefusalsFailAsync(() => database.Store.DiscardAsync(date, cancellationToken));
        if (!discarded)
        {
            throw new CommandFailedException($"there is no run of {Day(date)}");
        }

        await console.Out.WriteLineAsync($"discarded the draft of {Day(date)}");
        return ExitCodes.Ok;
    }
}
