namespace WlzMessaging.Reference;

/// <summary>
/// The rows of the nine reference tables, as parsed from CSV or read back from storage: what a
/// <see cref="ReferenceSnapshot"/> is built from. A table not given is empty.
/// </summary>
public sealed class ReferenceTables
{
    public static ReferenceTables Empty { get; } = new();

    public IReadOnlyList<ProviderRow> Providers { get; init; } = [];

    public IReadOnlyList<KoppeltabelRow> Koppeltabel { get; init; } = [];

    public IReadOnlyList<AfspraakRow> Afspraken { get; init; } = [];

    public IReadOnlyList<TariefRow> Tarieven { get; init; } = [];

    public IReadOnlyList<MazRow> Maz { get; init; } = [];

    public IReadOnlyList<MeerzorgRow> Meerzorg { get; init; } = [];

    public IReadOnlyList<MndpRow> Mndp { get; init; } = [];

    public IReadOnlyList<InvorderingRow> Invorderingen { get; init; } = [];

    /// <summary>The toewijzingen (toewijzingen.csv or the iWlz messages); their reported care also counts as MAZ periods.</summary>
    public IReadOnlyList<ToewijzingRow> Toewijzingen { get; init; } = [];
}
