using WlzMessaging.Funding;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Funding;
using WlzMessaging.Reference;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz forecast --year Y [--provider AGB]</c>: the advances to come and the year-end result at the recent pace.</summary>
public sealed class ForecastCommand : Command
{
    public override string Name => "forecast";

    public override string Summary => "Forecast a year per provider: the advances still to come and the year-end result";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("year", "YYYY", "the declaration year", required: true),
            OptionSpec.Value("provider", "AGB", "one provider (default every provider)"),
            OutputFormatOption.Option,
            ProtocolOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            Runs the year's remaining runs (from the first of the month after the latest approved run up to the final run)
            through the same calculator as wlz advance run, with each provider's production going on at its pace: what it
            sent of the year in the three whole months before, a month (specs/funding.md, "Forecast"). The cap, the exempt
            prestaties, the settlement of the werkvoorschot and the cutoff apply as in a real run. Nothing is stored.

            Per provider: the pace, what the approved runs paid for the year so far, the advances still to come before the
            settlement, the year-end result (the settlement and the final run: a payment, or a recovery when negative), and
            the projected Pc, cap, Px and due of the final run. Amounts in euros; JSON in cents:
            {"year", "from", "providers": [{"agb", "paceCappedCents", "paceExemptCents", "paidSoFarCents",
            "advancesToComeCents", "yearEndResultCents", "projectedDueCents", "projectedWithheldCents",
            "runs": [{"date", "amountCents"}]}]}.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var year = args.Int32("year", 2000, 2100)!.Value;
        var agb = args.Value("provider");
        if (agb is not null && !AgbCode.IsValid(agb))
        {
            throw new UsageException($"--provider: '{agb}' is not an AGB code of 8 digits");
        }

        var format = OutputFormatOption.Resolve(args);
        await using var database = await FundingDatabase.OpenAsync(args, cancellationToken);
        var forecasts = await FundingDatabase.RefusalsFailAsync(() => database.Store.ForecastAsync(year, agb, cancellationToken));
        await console.Out.WriteAsync(format == OutputFormat.Json ? ForecastOutput.Json(year, forecasts) : ForecastOutput.Table(year, forecasts));
        return ExitCodes.Ok;
    }
}
