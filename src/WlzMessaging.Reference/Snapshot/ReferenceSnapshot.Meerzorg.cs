using System.Collections.Frozen;

namespace WlzMessaging.Reference;

public sealed partial class ReferenceSnapshot
{
    private readonly FrozenDictionary<long, Slice> _meerzorg;
    private readonly MeerzorgBeschikking[] _meerzorgBeschikkingen;

    /// <summary>
    /// The meerzorg beschikking of client <paramref name="bsn"/> with provider <paramref name="agb"/> that covers
    /// <paramref name="begin"/>..<paramref name="end"/> wholly, with its tariff. False: no beschikking covers the line (8614).
    /// </summary>
    public bool TryGetMeerzorg(int bsn, int agb, DateOnly begin, DateOnly end, out MeerzorgBeschikking beschikking)
    {
        foreach (var candidate in GetMeerzorgBeschikkingen(bsn, agb))
        {
            if (candidate.Covers(begin, end))
            {
                beschikking = candidate;
                return true;
            }
        }

        beschikking = default;
        return false;
    }

    /// <summary>The meerzorg beschikkingen of a client with a provider, by begin date.</summary>
    public ReadOnlySpan<MeerzorgBeschikking> GetMeerzorgBeschikkingen(int bsn, int agb) =>
        _meerzorg.TryGetValue(ClientProviderKey(bsn, agb), out var slice)
            ? _meerzorgBeschikkingen.AsSpan(slice.Start, slice.Length)
            : [];

    private static FrozenDictionary<long, Slice> BuildMeerzorg(IReadOnlyList<MeerzorgRow> rows, out MeerzorgBeschikking[] beschikkingen) =>
        Grouping.Build(
            rows,
            r => ClientProviderKey(r.Bsn, r.Agb),
            r => new MeerzorgBeschikking(r.Begindatum, r.Einddatum, r.TariefCent),
            (a, b) => a.Begin.CompareTo(b.Begin),
            (a, b) => Overlap(a.Begin, a.End, b.Begin, b.End),
            "meerzorg",
            out beschikkingen);
}
