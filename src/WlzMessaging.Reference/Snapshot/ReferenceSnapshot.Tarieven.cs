using System.Collections.Frozen;

namespace WlzMessaging.Reference;

public sealed partial class ReferenceSnapshot
{
    private readonly FrozenDictionary<TariefKey, Slice> _tarieven;
    private readonly TariefVersion[] _tariefVersions;

    /// <summary>
    /// The contracted tariff of <paramref name="code"/> for provider <paramref name="agb"/> in year <paramref name="jaar"/>
    /// in force for a file received on <paramref name="received"/>: the version with the latest ingevoerd_op on or before
    /// that date. The status tells a prestatie that is not agreed (no row for that year: 8226) from one whose tariff was
    /// only entered later.
    /// </summary>
    public TariefStatus FindTarief(int agb, int jaar, PrestatieCode code, DateOnly received, out TariefVersion tarief)
    {
        var versions = GetTariefVersions(agb, jaar, code);
        for (var i = versions.Length - 1; i >= 0; i--)
        {
            if (versions[i].IngevoerdOp <= received)
            {
                tarief = versions[i];
                return TariefStatus.InForce;
            }
        }

        tarief = default;
        return versions.IsEmpty ? TariefStatus.NotAgreed : TariefStatus.NotYetInForce;
    }

    /// <summary>Every version of a tariff, by ingevoerd_op: what a tariff correction compares approved lines against.</summary>
    public ReadOnlySpan<TariefVersion> GetTariefVersions(int agb, int jaar, PrestatieCode code) =>
        _tarieven.TryGetValue(new TariefKey(agb, jaar, code), out var slice)
            ? _tariefVersions.AsSpan(slice.Start, slice.Length)
            : [];

    private static FrozenDictionary<TariefKey, Slice> BuildTarieven(IReadOnlyList<TariefRow> rows, out TariefVersion[] versions) =>
        Grouping.Build(
            rows,
            r => new TariefKey(r.Agb, r.Jaar, r.Prestatiecode),
            r => new TariefVersion(r.IngevoerdOp, r.TariefCent),
            (a, b) => a.IngevoerdOp.CompareTo(b.IngevoerdOp),
            (a, b) => a.IngevoerdOp == b.IngevoerdOp,
            "tarieven",
            out versions);
}
