namespace WlzMessaging.Reference.Csv;

/// <summary>The parsers of the nine reference files, e.g. <c>ReferenceCsv.Tarieven.Parse(reader)</c>.</summary>
public static class ReferenceCsv
{
    public static ProvidersCsv Providers { get; } = new();

    public static KoppeltabelCsv Koppeltabel { get; } = new();

    public static AfsprakenCsv Afspraken { get; } = new();

    public static TarievenCsv Tarieven { get; } = new();

    public static MazCsv Maz { get; } = new();

    public static MeerzorgCsv Meerzorg { get; } = new();

    public static MndpCsv Mndp { get; } = new();

    public static InvorderingenCsv Invorderingen { get; } = new();

    public static ToewijzingenCsv Toewijzingen { get; } = new();

    /// <summary>All nine, in the order of the contract.</summary>
    public static IReadOnlyList<IReferenceCsvParser> All { get; } =
        [Providers, Koppeltabel, Afspraken, Tarieven, Maz, Meerzorg, Mndp, Invorderingen, Toewijzingen];
}
