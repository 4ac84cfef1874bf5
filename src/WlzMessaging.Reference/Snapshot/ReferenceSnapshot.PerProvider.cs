using System.Collections.Frozen;

namespace WlzMessaging.Reference;

// The monitor (MNDP) and the open recoveries: read per provider when its advance or settlement is computed.
public sealed partial class ReferenceSnapshot
{
    private readonly FrozenDictionary<int, Slice> _mndp;
    private readonly MndpRow[] _mndpRows;
    private readonly FrozenDictionary<int, Slice> _invorderingen;
    private readonly InvorderingRow[] _invorderingRows;

    /// <summary>The MNDP rows of a provider, by jaar, maand, prestatiecode and ingediend_op.</summary>
    public ReadOnlySpan<MndpRow> GetMndp(int agb) =>
        _mndp.TryGetValue(agb, out var slice) ? _mndpRows.AsSpan(slice.Start, slice.Length) : [];

    /// <summary>The open recoveries of a provider, by jaar.</summary>
    public ReadOnlySpan<InvorderingRow> GetInvorderingen(int agb) =>
        _invorderingen.TryGetValue(agb, out var slice) ? _invorderingRows.AsSpan(slice.Start, slice.Length) : [];

    private static FrozenDictionary<int, Slice> BuildMndp(IReadOnlyList<MndpRow> rows, out MndpRow[] sorted) =>
        Grouping.Build(
            rows,
            r => r.Agb,
            r => r,
            static (a, b) =>
            {
                var byMonth = (a.Jaar, a.Maand).CompareTo((b.Jaar, b.Maand));
                var byCode = byMonth != 0 ? byMonth : a.Prestatiecode.CompareTo(b.Prestatiecode);
                return byCode != 0 ? byCode : a.IngediendOp.CompareTo(b.IngediendOp);
            },
            (a, b) => a.Jaar == b.Jaar && a.Maand == b.Maand && a.Prestatiecode == b.Prestatiecode && a.IngediendOp == b.IngediendOp,
            "mndp",
            out sorted);

    private static FrozenDictionary<int, Slice> BuildInvorderingen(IReadOnlyList<InvorderingRow> rows, out InvorderingRow[] sorted) =>
        Grouping.Build(
            rows,
            r => r.Agb,
            r => r,
            (a, b) => a.Jaar.CompareTo(b.Jaar),
            (a, b) => a.Jaar == b.Jaar,
            "invorderingen",
            out sorted);
}
