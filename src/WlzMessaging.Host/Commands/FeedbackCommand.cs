using System.Globalization;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Feedback;
using WlzMessaging.Storage;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz feedback</c>: the monthly feedback to providers, agreement against production and rejections by reason.</summary>
public sealed class FeedbackCommand : Command
{
    public override string Name => "feedback";

    public override string Summary => "Write the monthly feedback per provider: agreement against approved production, room left, rejections (HTML and CSV)";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("month", "YYYY-MM", "the month closed", required: true),
            OptionSpec.Value("out", "DIR", "the directory to write to (made when missing; files of the same month are replaced)", required: true),
            OptionSpec.Value("year", "YYYY", "the care year of the agreement and production (default the month's year)"),
            ProtocolOption.Option,
            .. StorageOptions.Options,
        ],
        Details = """
            Per provider with an agreement for the year, or with production or rejections in it: AGB-YYYY-MM.html (a page
            in Dutch with the agreement in force at the end of the month, the production of the care year counted up
            to then as the advance run counts it (approved lines net of credits, accepted MNDP, tariff corrections), the
            room left under the agreement, production per care month and the
            rejected lines by retourcode) and AGB-YYYY-MM.csv beside it (the same figures, ';'-separated); index.html lists
            them. The pages are self-contained (no script, font or image from elsewhere) and can be mailed as they are.

            The approved lines per care month are counted by the month of 0414 BEGINDATUM PRESTATIE; rejections by the day the file was received,
            in the month and in its year up to the month. Test files never count. No BSN, name or birth date is written.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var month = args.Month("month")!.Value;
        var year = args.Int32("year", 2000, 2999) ?? month.Year;
        var outDir = Path.GetFullPath(args.Value("out")!);
        if (File.Exists(outDir))
        {
            throw new UsageException($"--out: {outDir} is a file, not a directory");
        }

        var funding = ProtocolOption.Resolve(args);
        await using var database = await CommandStore.OpenAsync(args, loggers: null, cancellationToken);
        var rows = await database.FeedbackQueries(funding).ReadAsync(month, year, cancellationToken);
        var feedback = FeedbackBuilder.Build(month, year, rows);
        IReadOnlyList<string> written;
        try
        {
            written = await FeedbackWriter.WriteAsync(outDir, month, feedback, TimeProvider.System.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot write to {outDir}: {e.Message}", e);
        }

        await console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"feedback {month:yyyy-MM} (care year {year}): {feedback.Count} provider{(feedback.Count == 1 ? "" : "s")}, {written.Count} file{(written.Count == 1 ? "" : "s")} in {outDir} (open index.html)"));
        return ExitCodes.Ok;
    }
}
