namespace WlzMessaging.Reference.Csv;

/// <summary>
/// The reference files of one import directory, each parsed whole. The directory may hold any of the nine CSV files, the
/// koppeltabel as published (<c>koppeltabel.xlsx</c>, instead of koppeltabel.csv) and the iWlz messages (subdirectory
/// <c>iwlz/</c>, instead of toewijzingen.csv); a file that is absent has no result, and its table stays as it was.
/// </summary>
public sealed class ReferenceDataSet
{
    private ReferenceDataSet()
    {
    }

    public ParseResult<ProviderRow>? Providers { get; private init; }

    public ParseResult<KoppeltabelRow>? Koppeltabel { get; private init; }

    public ParseResult<AfspraakRow>? Afspraken { get; private init; }

    public ParseResult<TariefRow>? Tarieven { get; private init; }

    public ParseResult<MazRow>? Maz { get; private init; }

    public ParseResult<MeerzorgRow>? Meerzorg { get; private init; }

    public ParseResult<MndpRow>? Mndp { get; private init; }

    public ParseResult<InvorderingRow>? Invorderingen { get; private init; }

    /// <summary>toewijzingen.csv, or the messages of <c>iwlz/</c> (<see cref="Iwlz.IwlzMessageSet"/>).</summary>
    public ParseResult<ToewijzingRow>? Toewijzingen { get; private init; }

    /// <summary>The directory the set was loaded from.</summary>
    public string Directory { get; private init; } = string.Empty;

    /// <summary>The files found, in the order of the contract.</summary>
    public IReadOnlyList<IReferenceFileResult> Files { get; private init; } = [];

    /// <summary>
    /// <c>.csv</c> files in the directory that are none of the eight (e.g. <c>Tarieven.csv</c>: names are case-sensitive),
    /// so that an operator sees a file that was not imported instead of wondering why its table did not change.
    /// </summary>
    public IReadOnlyList<string> IgnoredFiles { get; private init; } = [];

    /// <summary>True when every file found is valid.</summary>
    public bool IsValid => Files.All(f => f.IsValid);

    /// <summary>The kept problems of every file, file by file.</summary>
    public IEnumerable<ReferenceProblem> Problems => Files.SelectMany(f => f.Problems);

    /// <summary>Parses whichever of the eight files <paramref name="directory"/> holds.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist (configuration, not data).</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static ReferenceDataSet Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Reference data directory not found: {directory}");
        }

        var known = ReferenceCsv.All.Select(p => p.FileName).ToHashSet(StringComparer.Ordinal);
        var ignored = System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !known.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var providers = ParseIfPresent(directory, ReferenceCsv.Providers);
        var koppeltabel = ParseIfPresent(directory, ReferenceCsv.Koppeltabel);
        var xlsxPath = Path.Combine(directory, Xlsx.KoppeltabelXlsx.FileName);
        if (File.Exists(xlsxPath))
        {
            koppeltabel = koppeltabel is null
                ? Xlsx.KoppeltabelXlsx.Parse(xlsxPath)
                : Conflict<KoppeltabelRow>(Xlsx.KoppeltabelXlsx.FileName, ReferenceCsv.Koppeltabel.FileName);
        }

        var afspraken = ParseIfPresent(directory, ReferenceCsv.Afspraken);
        var tarieven = ParseIfPresent(directory, ReferenceCsv.Tarieven);
        var maz = ParseIfPresent(directory, ReferenceCsv.Maz);
        var meerzorg = ParseIfPresent(directory, ReferenceCsv.Meerzorg);
        var mndp = ParseIfPresent(directory, ReferenceCsv.Mndp);
        var invorderingen = ParseIfPresent(directory, ReferenceCsv.Invorderingen);
        var toewijzingen = ParseIfPresent(directory, ReferenceCsv.Toewijzingen);
        var iwlz = Path.Combine(directory, Iwlz.IwlzMessageSet.DirectoryName);
        if (System.IO.Directory.Exists(iwlz))
        {
            toewijzingen = toewijzingen is null
                ? Iwlz.IwlzMessageSet.Load(iwlz)
                : Conflict<ToewijzingRow>(Iwlz.IwlzMessageSet.DirectoryName, ReferenceCsv.Toewijzingen.FileName);
        }

        IReferenceFileResult?[] found = [providers, koppeltabel, afspraken, tarieven, maz, meerzorg, mndp, invorderingen, toewijzingen];

        return new ReferenceDataSet
        {
            Providers = providers,
            Koppeltabel = koppeltabel,
            Afspraken = afspraken,
            Tarieven = tarieven,
            Maz = maz,
            Meerzorg = meerzorg,
            Mndp = mndp,
            Invorderingen = invorderingen,
            Toewijzingen = toewijzingen,
            Directory = directory,
            Files = found.OfType<IReferenceFileResult>().ToArray(),
            IgnoredFiles = ignored,
        };
    }

    /// <summary>
    /// The rows of every file found, an absent file giving an empty table: for building a snapshot straight from a
    /// complete directory (tests, tools). An import into storage uses the per-file results instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">A file has problems: its rows are not to be used.</exception>
    public ReferenceTables ToTables()
    {
        if (!IsValid)
        {
            throw new InvalidOperationException("The reference data set has problems; see Problems.");
        }

        return new ReferenceTables
        {
            Providers = Providers?.Rows ?? [],
            Koppeltabel = Koppeltabel?.Rows ?? [],
            Afspraken = Afspraken?.Rows ?? [],
            Tarieven = Tarieven?.Rows ?? [],
            Maz = Maz?.Rows ?? [],
            Meerzorg = Meerzorg?.Rows ?? [],
            Mndp = Mndp?.Rows ?? [],
            Invorderingen = Invorderingen?.Rows ?? [],
            Toewijzingen = Toewijzingen?.Rows ?? [],
        };
    }

    /// <summary>
    /// The SHA-256 an import keys a file by: its bytes as they are on disk, or for the iWlz messages every message's name
    /// and bytes (<see cref="Iwlz.IwlzMessageSet.Hash"/>).
    /// </summary>
    public byte[] Sha256Of(IReferenceFileResult file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Path.Combine(Directory, file.FileName);
        return file.FileName == Iwlz.IwlzMessageSet.DirectoryName
            ? Iwlz.IwlzMessageSet.Hash(path)
            : System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path));
    }

    // Two sources of one table in one directory: neither is taken, the operator says which.
    private static ParseResult<TRow> Conflict<TRow>(string published, string csv) =>
        new(published, [], [new ReferenceProblem(published, 0, "file", $"{csv} is in the directory too: give one of the two")], 1);

    private static ParseResult<TRow>? ParseIfPresent<TRow>(string directory, ReferenceCsvParser<TRow> parser)
        where TRow : class
    {
        var path = Path.Combine(directory, parser.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        // The FileStream's own buffer is redundant under the StreamReader's.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        return parser.Parse(stream);
    }
}
