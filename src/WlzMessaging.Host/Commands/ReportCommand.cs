using System.Text.Json;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Report;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz report</c>: what the engine received and answered in a period, for the operators.</summary>
public sealed class ReportCommand : Command
{
    public override string Name => "report";

    public override string Summary => "Files received and answered, time to AW320, lines approved and rejected, retourcodes, per provider";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("from", "DATE", "first day received (YYYY-MM-DD; default 29 days before --to)"),
            OptionSpec.Value("to", "DATE", "last day received (YYYY-MM-DD; default today)"),
            OutputFormatOption.WithCsv,
            ProtocolOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            Covers the files received (their receipt day) from --from to --to, both included; days are Amsterdam days.

            Receipt to AW320: calendar days from the day a file arrived to the day its AW320 was written. The aim is 5
            days, the limit 20; the report shows the median and the longest, and lists every file answered over the limit
            or still waiting longer than it. Late declarations: files received after the 17th working day after the month
            their declaration period (0115) ends in. Retourcodes: a rejected line counts under each of its (up to three)
            codes. Amounts are net (credits negative). "Approved in the AW320s" is what the answers to the period's files
            approved; the production (per provider and in total) is that of --to's care year counted through --to, as the
            advance run counts it: every approved line so far, accepted MNDP rows and tariff corrections.

            Reads aggregates only; never shows a BSN, a name or a birth date.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var today = Amsterdam.Today(TimeProvider.System);
        var to = args.Date("to") ?? today;
        var from = args.Date("from") ?? to.AddDays(-29);
        if (from > to)
        {
            throw new UsageException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }

        var format = OutputFormatOption.Resolve(args, csv: true);

        var funding = ProtocolOption.Resolve(args);
        await using var database = await CommandStore.OpenAsync(args, loggers: null, cancellationToken);
        var report = await ReportBuilder.ReadAsync(database.ReportQueries(funding), new ReportPeriod(from, to, today), cancellationToken);
        await console.Out.WriteAsync(format switch
        {
            OutputFormat.Json => JsonSerializer.Serialize(report, OperationsJson.Default.OperationsReport) + Environment.NewLine,
            OutputFormat.Csv => ReportCsvWriter.Write(report),
            _ => ReportTextWriter.Write(report),
        });
        return ExitCodes.Ok;
    }
}
