using System.Diagnostics;
using System.Globalization;
using WlzMessaging.Generator;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz generate</c>: a synthetic, valid AW319 for one provider, and optionally the reference data approving it.</summary>
public sealed class GenerateCommand : Command
{
    public override string Name => "generate";

    public override string Summary => "Write a synthetic, valid AW319 file (and the reference data under which every line is approved)";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("out", "FILE", "the AW319 file to write (replaced when it exists)", required: true),
            OptionSpec.Value("lines", "N", "number of declaration lines (04 records), 1 to 999,999 (9904 has 6 positions)", required: true),
            OptionSpec.Value("seed", "S", "seed of the pseudo-random choices (default 1): the same seed gives the same file"),
            OptionSpec.Value("month", "YYYY-MM", $"the month declared (default {Aw319GeneratorOptions.DefaultMonth:yyyy-MM})"),
            OptionSpec.Value("agb", "AGB", "the provider's AGB code, 0112 INSTELLINGSCODE (default 41000001)"),
            OptionSpec.Value("uzovi", "NNNN", $"the zorgkantoor's UZOVI number (default {Aw319GeneratorOptions.DefaultUzovi}, as the shipped samples)"),
            OptionSpec.Flag("test", "a test file (0105 SOORT BERICHT = T) instead of production (P)"),
            OptionSpec.Flag("comments", "add 98 commentaarrecords (on every credit line and on some clients)"),
            OptionSpec.Value("invoice-date", "YYYY-MM-DD", "0117 DAGTEKENING FACTUUR (default: 5 days after the period)"),
            OptionSpec.Value("period-days", "N", "days declared from the 1st (default: the whole month, fewer for very large files)"),
            OptionSpec.Value("reference-out", "DIR", "also write the reference CSVs (providers, koppeltabel, afspraken, tarieven, maz, meerzorg)"),
            OptionSpec.Flag("published", "with --reference-out: the koppeltabel as koppeltabel.xlsx and the MAZ as iWlz AW33/AW35/AW39 messages in DIR/iwlz, instead of koppeltabel.csv and maz.csv"),
            OptionSpec.Value("clients", "N", "clients in the reference data (default: the file's clients)"),
            OptionSpec.Value("providers", "N", "providers in the reference data, the file's provider first (default 1)"),
            OptionSpec.Value("resend", "N", "1-9: the same lines sent again as a new invoice, under new references (each line overlaps the first sending's)"),
        ],
        Details = """
            One file is one provider's declaration, as on VECOZO: its clients all belong to the provider in 0112. Each client
            has 1-6 lines: ZZP (Z-codes) or VPT (V-codes) days at a tariff per etmaal, or MPT care in minutes and hours, plus
            exempt prestaties (M001, M002, I001, I002 one-off; ZMZ01 meerzorg per day) and partial credit lines whose 0432
            names an earlier debit of the same file. BSNs start with 9 and pass the elfproef; names are made up.

            --clients and --providers size the reference data around the file (the other providers have their own clients,
            MAZ, tariffs and agreements); they do not change the file. With the same options, file and CSVs are the same bytes.

            The sluitrecord bounds a file: 9904 holds at most 999,999 lines, and 9907 at most EUR 999,999,999.99, so a file of
            more than about 250,000 lines declares fewer days of the month (a week for 999,999 lines) to keep its net total in
            range. Receive the file on or after its invoice date (the summary line shows it).

            Example: wlz generate --out jan.aw319 --lines 100000 --seed 7 --reference-out ref --clients 50000 --providers 300
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var defaults = new Aw319GeneratorOptions();
        var options = new Aw319GeneratorOptions
        {
            Lines = args.Int64("lines", 1, Aw319GeneratorOptions.MaxLines) ?? defaults.Lines,
            Seed = args.UInt64("seed") ?? defaults.Seed,
            Month = args.Month("month") ?? defaults.Month,
            Agb = args.Int32("agb", 1, 99_999_999) ?? defaults.Agb,
            Uzovi = args.Int32("uzovi", 1, 9_999) ?? defaults.Uzovi,
            Test = args.Has("test"),
            Comments = args.Has("comments"),
            InvoiceDate = args.Date("invoice-date"),
            PeriodDays = args.Int32("period-days", 1, 31),
            Clients = args.Int32("clients", 0, Bsn.MaxSynthetic) ?? 0,
            Providers = args.Int32("providers", 1, 99_999) ?? 1,
            Resend = args.Int32("resend", 0, 9) ?? 0,
        };
        if (options.PeriodDays > DateTime.DaysInMonth(options.Month.Year, options.Month.Month))
        {
            throw new UsageException($"--period-days: {options.PeriodDays} is more than the days of {options.Month:yyyy-MM}");
        }

        var stopwatch = Stopwatch.StartNew();
        Aw319Generator generator;
        try
        {
            generator = new Aw319Generator(options);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }

        var output = Path.GetFullPath(args.Value("out")!);
        var result = await WriteAtomicallyAsync(generator, output, cancellationToken);

        var line = string.Create(CultureInfo.InvariantCulture,
            $"wrote {args.Value("out")}: {result.Lines:N0} lines, {result.Clients:N0} clients, {result.CreditLines:N0} credit lines, {result.Comments:N0} comments, net EUR {Operations.Money.DebetCredit(result.NetTotalCents)}, AGB {result.Agb:D8}, period {result.PeriodStart:yyyy-MM-dd}..{result.PeriodEnd:yyyy-MM-dd}, {(options.Test ? "test" : "production")}, invoice {result.Factuurnummer} dated {result.InvoiceDate:yyyy-MM-dd}, receive on or after {generator.EarliestReceivedDate:yyyy-MM-dd}, {result.Bytes / 1e6:F1} MB");
        if (args.Value("reference-out") is { } directory)
        {
            var reference = generator.WriteReferenceData(directory, args.Has("published"));
            line += string.Create(CultureInfo.InvariantCulture,
                $"; reference data in {directory}: {reference.Providers:N0} providers, {reference.Clients:N0} clients (maz), {reference.MeerzorgRows:N0} meerzorg, {reference.KoppeltabelRows} prestaties");
        }

        line += string.Create(CultureInfo.InvariantCulture, $"; {stopwatch.Elapsed.TotalSeconds:F1} s");
        await console.Out.WriteLineAsync(line);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Writes to a hidden name beside the target and renames it into place when complete: a mailbox watcher never sees
    /// half a file, and a failure leaves no partial file behind.
    /// </summary>
    private static async Task<Aw319GenerationResult> WriteAtomicallyAsync(Aw319Generator generator, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var partial = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.partial");
        try
        {
            var result = await generator.WriteFileAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
