using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace WlzMessaging.Reference;

/// <summary>
/// The reference data as the adjudicator looks it up per declaration line: immutable, built once from the rows of the eight
/// tables, safe to share between threads, and swapped as a whole when an import changes a table.
/// </summary>
/// <remarks>
/// Keys are numbers, as the adjudicator holds AW319 fields parsed: AGB and BSN as <see cref="int"/>, the prestatiecode as
/// <see cref="PrestatieCode"/>, the year as <see cref="int"/>. Every lookup is a frozen-dictionary probe plus a scan of a
/// few sorted values, returns a bool, an enum, a struct or a span, and allocates nothing.
/// The partial files hold one table each.
/// </remarks>
public sealed partial class ReferenceSnapshot
{
    private readonly FrozenDictionary<int, ProviderRow> _providers;

    private ReferenceSnapshot(ReferenceTables tables)
    {
        // Copies, so that a caller changing its lists afterwards cannot change the snapshot.
        Tables = new ReferenceTables
        {
            Providers = tables.Providers.ToArray().AsReadOnly(),
            Koppeltabel = tables.Koppeltabel.ToArray().AsReadOnly(),
            Afspraken = tables.Afspraken.ToArray().AsReadOnly(),
            Tarieven = tables.Tarieven.ToArray().AsReadOnly(),
            Maz = tables.Maz.ToArray().AsReadOnly(),
            Meerzorg = tables.Meerzorg.ToArray().AsReadOnly(),
            Mndp = tables.Mndp.ToArray().AsReadOnly(),
            Invorderingen = tables.Invorderingen.ToArray().AsReadOnly(),
            Toewijzingen = tables.Toewijzingen.ToArray().AsReadOnly(),
        };

        _providers = BuildProviders(Tables.Providers);
        _koppeltabel = BuildKoppeltabel(Tables.Koppeltabel, out _koppeltabelEntries);
        _maz = BuildMaz(MazWithZorgmeldingen(Tables.Maz, Tables.Toewijzingen));
        _toewijzingen = BuildToewijzingen(Tables.Toewijzingen, out _toewijzingRows);
        _meerzorg = BuildMeerzorg(Tables.Meerzorg, out _meerzorgBeschikkingen);
        _tarieven = BuildTarieven(Tables.Tarieven, out _tariefVersions);
        _afspraken = BuildAfspraken(Tables.Afspraken, out _afspraakVersions);
        _mndp = BuildMndp(Tables.Mndp, out _mndpRows);
        _invorderingen = BuildInvorderingen(Tables.Invorderingen, out _invorderingRows);
    }

    /// <summary>A snapshot with no reference data: every lookup finds nothing.</summary>
    public static ReferenceSnapshot Empty { get; } = new(ReferenceTables.Empty);

    /// <summary>The rows the snapshot was built from, for what is not on the hot path (settlement, reports).</summary>
    public ReferenceTables Tables { get; }

    /// <summary>Builds a snapshot from rows that passed the import checks.</summary>
    /// <exception cref="ArgumentException">Rows break a rule the import checks enforce (e.g. two tariffs on one day).</exception>
    public static ReferenceSnapshot Build(ReferenceTables tables) => new(tables);

    /// <summary>The provider with AGB code <paramref name="agb"/> (AW319 0112).</summary>
    public bool TryGetProvider(int agb, [MaybeNullWhen(false)] out ProviderRow provider) => _providers.TryGetValue(agb, out provider);

    private static FrozenDictionary<int, ProviderRow> BuildProviders(IReadOnlyList<ProviderRow> rows)
    {
        var byAgb = new Dictionary<int, ProviderRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!byAgb.TryAdd(row.Agb, row))
            {
                throw new ArgumentException("providers: two rows for one agb; rows must pass the import checks.", nameof(rows));
            }
        }

        return byAgb.ToFrozenDictionary();
    }

    /// <summary>A client and a provider as one number: a BSN and an AGB each fit 32 bits.</summary>
    private static long ClientProviderKey(int bsn, int agb) => ((long)bsn << 32) | (uint)agb;

    /// <summary>A provider and a year as one number.</summary>
    private static long ProviderYearKey(int agb, int jaar) => ((long)agb << 32) | (uint)jaar;

    /// <summary>True for two periods (inclusive, null end = open) that share a day.</summary>
    private static bool Overlap(DateOnly begin1, DateOnly? end1, DateOnly begin2, DateOnly? end2) =>
        begin1 <= (end2 ?? DateOnly.MaxValue) && begin2 <= (end1 ?? DateOnly.MaxValue);
}
