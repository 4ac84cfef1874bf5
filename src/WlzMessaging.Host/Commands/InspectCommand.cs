using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Inspect;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz inspect FILE</c>: an AW319 or AW320 shown record by record, with totals and where the file breaks.</summary>
public sealed class InspectCommand : Command
{
    public override string Name => "inspect";

    public override string Summary => "Show an AW319 or AW320 record by record, with totals, retourcodes and where the file breaks";

    public override CommandSyntax Syntax { get; } = new()
    {
        Positionals = [new PositionalSpec("FILE", "the AW319 or AW320 file")],
        Options =
        [
            OutputFormatOption.Option,
            OptionSpec.Flag("json", "the old spelling of --format json") with { Hidden = true },
            OptionSpec.Value("max-records", "N", "show only the first N records (totals and faults still cover the whole file)"),
            OptionSpec.Flag("show-text", "show the free text of 98 commentaarrecords (it may hold personal data)"),
        ],
        Details = """
            One line per record: its number in the file, its type and key fields (for a 04: prestatiecode, period, aantal,
            tarief, bedrag with D/C, referentienummer and the one it credits; for an AW320 also berekend and toegekend
            bedrag and the retourcodes with their meaning). Then the totals and the faults that reject the file, each with
            its record number, retourcode, meaning and explanation. Faults of a single record are marked FAULT on its line.

            Privacy: BSN, names, birth dates and addresses are personal data. A BSN shows only its last three digits
            (******782) and whether it passes the elfproef; names, birth dates, addresses, verzekerden-, patient- and
            clientnummers are never shown; the free text of 98 records only with --show-text.

            Broken files are shown as far as they can be read; the exit code is 0 whenever the file could be read, also when
            it is rejected, and 1 (with the reason on stderr) only when it cannot be opened or read.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var path = args.Positional(0)!;
        var format = OutputFormatOption.Resolve(args);
        var maxRecords = args.Int64("max-records", 0) ?? long.MaxValue;
        var showText = args.Has("show-text");
        long length;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new CommandFailedException(Directory.Exists(path) ? $"{path} is a directory, not a file" : $"{path}: no such file");
            }

            length = info.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CommandFailedException($"cannot open {path}: {e.Message}");
        }

        using var json = format == OutputFormat.Json || args.Has("json") ? new JsonInspectWriter(console.Out, showText) : null;
        IInspectWriter writer = json is null ? new TextInspectWriter(console.Out, showText) : json;
        var handler = new InspectHandler(writer, maxRecords);
        var options = new VektisReaderOptions { ContinueWhenNotVektis = true };
        writer.Begin(path, length);
        VektisReadResult result;
        try
        {
            result = await VektisReader.ReadFileAsync(path, handler, options, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read {path}: {e.Message}");
        }

        writer.End(result, handler.Totals);
        return ExitCodes.Ok;
    }
}
