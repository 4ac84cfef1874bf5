using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz reference import DIR</c>: the reference CSVs of a directory into the store.</summary>
public sealed class ReferenceImportCommand : Command
{
    public override string Name => "reference import";

    public override string Summary => "Load the reference files of a directory: CSVs, koppeltabel.xlsx, iwlz/ messages (each checked whole; a bad file leaves its table as it was)";

    public override CommandSyntax Syntax { get; } = new()
    {
        Positionals = [new PositionalSpec("DIR", "the directory with the reference files (providers.csv, koppeltabel.csv or koppeltabel.xlsx, iwlz/, ...)")],
        Options = [.. StorageOptions.Options],
        Details = """
            Takes whichever of the nine files the directory holds: providers.csv, koppeltabel.csv, afspraken.csv,
            tarieven.csv, maz.csv, meerzorg.csv, mndp.csv, invorderingen.csv, toewijzingen.csv (specs/reference-data.md
            has the formats); and the forms the sector publishes: koppeltabel.xlsx (the NZa/Vektis koppeltabel, instead
            of koppeltabel.csv) and iwlz/ (a subdirectory of iWlz AW33, AW35 and AW39 messages, *.xml, instead of
            toewijzingen.csv; the set is taken whole).
            Each file is checked whole before anything changes. A valid file replaces its table in one transaction; a file
            with problems has each one printed on stderr as file:line: column: problem, and its table stays as it was. A
            file imported before with the same content changes nothing ("unchanged"). One line per file on stdout.

            Exit 0 when every file was imported or unchanged, 1 when a file was invalid (the valid ones are imported).
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var directory = args.Positional(0)!;
        await using var store = await CommandStore.OpenAsync(args, loggers: null, cancellationToken);
        var results = await ReferenceImport.ImportAsync(store, directory, console.Out, console.Error, cancellationToken);
        return ReferenceImport.Failure(results) is { } failure ? throw new CommandFailedException(failure) : ExitCodes.Ok;
    }
}
