namespace WlzMessaging.Reference;

public sealed partial class ReferenceSnapshot
{
    private readonly MazIndex _maz;

    /// <summary>
    /// How the MAZ periods of client <paramref name="bsn"/> with provider <paramref name="agb"/> cover the declared period
    /// <paramref name="begin"/>..<paramref name="end"/>: not at all (8290), partly (8287) or wholly inside one period.
    /// </summary>
    public MazCoverage CheckMaz(int bsn, int agb, DateOnly begin, DateOnly end) =>
        bsn < 0 || agb < 0 ? MazCoverage.None : _maz.Check(MazIndex.KeyOf(bsn, agb), begin, end);

    /// <summary>
    /// A hint that <see cref="CheckMaz"/> for this client and provider follows soon (e.g. on the client's 02 record):
    /// starts loading its entry. Changes nothing and answers nothing.
    /// </summary>
    public void PrefetchMaz(int bsn, int agb)
    {
        if (bsn >= 0 && agb >= 0)
        {
            _maz.Prefetch(MazIndex.KeyOf(bsn, agb));
        }
    }

    /// <summary>The MAZ periods of a client with a provider, by begin date; empty when there are none. Allocates a new array.</summary>
    public MazPeriod[] GetMazPeriods(int bsn, int agb) =>
        bsn < 0 || agb < 0 ? [] : _maz.PeriodsOf(MazIndex.KeyOf(bsn, agb));

    /// <summary>The MAZ memory figure: bytes of the index (the rows in <see cref="Tables"/> not counted).</summary>
    public long MazIndexBytes => _maz.Footprint;

    private static MazIndex BuildMaz(IReadOnlyList<MazRow> rows)
    {
        // Sorted by key and begin, so that each client's periods are one run, in the order CheckMaz reads them.
        var sorted = new (ulong Key, MazPeriod Period)[rows.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var row = rows[i];
            if (row.Bsn < 0 || row.Agb < 0)
            {
                throw new ArgumentException("maz: a negative bsn or agb; rows must pass the import checks.", nameof(rows));
            }

            sorted[i] = (MazIndex.KeyOf(row.Bsn, row.Agb), new MazPeriod(row.Begindatum, row.Einddatum));
        }

        Array.Sort(sorted, static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Period.Begin.CompareTo(b.Period.Begin));
        var groups = new List<(ulong Key, MazPeriod[] Periods)>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].Key == sorted[start].Key)
            {
                // Overlapping periods are allowed (see MazCsv); two starting on one day are not.
                if (sorted[end].Period.Begin == sorted[end - 1].Period.Begin)
                {
                    throw new ArgumentException("maz: two rows of one key conflict; rows must pass the import checks.", nameof(rows));
                }

                end++;
            }

            var periods = new MazPeriod[end - start];
            for (var i = start; i < end; i++)
            {
                periods[i - start] = sorted[i].Period;
            }

            groups.Add((sorted[start].Key, periods));
            start = end;
        }

        return MazIndex.Build(groups);
    }
}
