using WlzMessaging.Funding;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Funding;
using WlzMessaging.Reference;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz statement --agb --year</c>: a provider's year statement from its approved runs.</summary>
public sealed class StatementCommand : Command
{
    public override string Name => "statement";

    public override string Summary => "Show a provider's year statement: agreement, production, cap, werkvoorschot, every run's items";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("agb", "AGB", "the provider", required: true),
            OptionSpec.Value("year", "YYYY", "the year", required: true),
            OutputFormatOption.Option,
            ProtocolOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            From the approved runs since 1 January of the year: the annual agreement (J), the approved production capped
            (Pc; what the cap lets through and what it holds back) and exempt (Px), the cap, the due amount, the
            werkvoorschot paid and settled, the production items and corrections, and the final difference: what the run of
            1 April of the next year paid (+) or recovered (-) for the year. Before that run the statement is provisional,
            with the figures of the latest run. Every run's items of the year follow.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var agb = args.Value("agb")!;
        var year = args.Int32("year", 2000, 2100)!.Value;
        var format = OutputFormatOption.Resolve(args);
        if (!AgbCode.IsValid(agb))
        {
            throw new UsageException($"--agb: '{agb}' is not an AGB code of 8 digits");
        }

        await using var database = await FundingDatabase.OpenAsync(args, cancellationToken);
        var (statement, runs) = await FundingDatabase.RefusalsFailAsync(
            () => database.Store.GetYearStatementAsync(agb, year, cancellationToken));

        await console.Out.WriteAsync(format == OutputFormat.Json
            ? StatementOutput.Json(statement, runs)
            : StatementOutput.Table(statement, runs));
        return ExitCodes.Ok;
    }
}
