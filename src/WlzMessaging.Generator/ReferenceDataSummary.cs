namespace WlzMessaging.Generator;

/// <summary>What <see cref="Aw319Generator.WriteReferenceData"/> wrote: the directory and the rows per file.</summary>
public sealed record ReferenceDataSummary(
    string Directory,
    int Providers,
    long Clients,
    int KoppeltabelRows,
    int AfsprakenRows,
    int TarievenRows,
    long MazRows,
    long MeerzorgRows)
{
    /// <summary>The files, in the order they are written (the formats of the project's reference-data spec).</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["providers.csv", "koppeltabel.csv", "afspraken.csv", "tarieven.csv", "maz.csv", "meerzorg.csv"];
}
