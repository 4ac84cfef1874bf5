using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Funding;
using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz advance run --date YYYY-MM-DD</c>: the monthly advance of every provider, stored as a draft.</summary>
public sealed class AdvanceRunCommand : Command
{
    public override string Name => "advance run";

    public override string Summary => "Compute the advance of every provider for the first of a month, stored as a draft";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("date", "YYYY-MM-DD", "the run date: the first of a month", required: true),
            OutputFormatOption.Option,
            ProtocolOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            Computes the run from the approved production lines, the reference data (providers, afspraken, tarieven, MNDP,
            invorderingen) and the approved runs before it (specs/funding.md): the werkvoorschot in January and February,
            the production item from March to April of the next year, the settlement of the werkvoorschot, tariff
            corrections, and the recoveries offset against the payment. The run is stored as a draft for review
            (wlz advance adjust) and approval (wlz advance approve).

            Running a date again replaces its draft (its adjustments no longer apply). A date on or before an approved run
            is refused: an approved run never changes. Warnings (an earlier draft not yet approved, MNDP rows not counted,
            AGB codes that are not providers) go to standard error.

            JSON: {"date", "providers": [{"agb", "items": [{"year", "kind", "amountCents"}], "totalCents",
            "recoveryBalanceCents"}]}; kind is werkvoorschot, productie, verrekening-werkvoorschot, invordering or correctie;
            totalCents is what the CAK pays (never below zero), recoveryBalanceCents what is still to be recovered after it.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var date = args.Date("date")!.Value;
        var format = OutputFormatOption.Resolve(args);
        await using var database = await FundingDatabase.OpenAsync(args, cancellationToken);
        AdvanceRunComputation computation;
        using (ProgressLine.Start(args, console, $"advance run {date:yyyy-MM-dd}", total: null))
        {
            computation = await FundingDatabase.RefusalsFailAsync(() => database.Store.ComputeAsync(date, cancellationToken));
        }

        foreach (var warning in AdvanceRunOutput.Warnings(computation.Run, computation))
        {
            await console.Error.WriteLineAsync($"wlz {Name}: warning: {warning}");
        }

        await console.Out.WriteAsync(format == OutputFormat.Json
            ? AdvanceRunOutput.Json(computation.Run.Run)
            : AdvanceRunOutput.Table(computation.Run));
        return ExitCodes.Ok;
    }
}
