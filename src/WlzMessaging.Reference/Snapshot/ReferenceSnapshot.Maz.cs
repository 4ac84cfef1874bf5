using System.Collections.Frozen;

namespace WlzMessaging.Reference;

public sealed partial class ReferenceSnapshot
{
    private readonly FrozenDictionary<long, Slice> _maz;
    private readonly MazPeriod[] _mazPeriods;

    /// <summary>
    /// How the MAZ periods of client <paramref name="bsn"/> with provider <paramref name="agb"/> cover the declared period
    /// <paramref name="begin"/>..<paramref name="end"/>: not at all (8290), partly (8287) or wholly inside one period.
    /// </summary>
    public MazCoverage CheckMaz(int bsn, int agb, DateOnly begin, DateOnly end)
    {
        var coverage = MazCoverage.None;
        foreach (var period in GetMazPeriods(bsn, agb))
        {
            // Sorted by begin: once a period starts after the line ends, so do all the rest.
            if (period.Begin > end)
            {
                break;
            }

            if (period.Contains(begin, end))
            {
                return MazCoverage.Whole;
            }

            if (period.Touches(begin, end))
            {
                coverage = MazCoverage.Partial;
            }
        }

        return coverage;
    }

    /// <summary>The MAZ periods of a client with a provider, by begin date; empty when there are none.</summary>
    public ReadOnlySpan<MazPeriod> GetMazPeriods(int bsn, int agb) =>
        _maz.TryGetValue(ClientProviderKey(bsn, agb), out var slice) ? _mazPeriods.AsSpan(slice.Start, slice.Length) : [];

    private static FrozenDictionary<long, Slice> BuildMaz(IReadOnlyList<MazRow> rows, out MazPeriod[] periods) =>
        Grouping.Build(
            rows,
            r => ClientProviderKey(r.Bsn, r.Agb),
            r => new MazPeriod(r.Begindatum, r.Einddatum),
            (a, b) => a.Begin.CompareTo(b.Begin),
            // Overlapping periods are allowed (see MazCsv); two starting on one day are not.
            (a, b) => a.Begin == b.Begin,
            "maz",
            out periods);
}
