using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace WlzMessaging.Reference;

/// <summary>
/// The MAZ-MEZ periods by client and provider, as one open-addressing table of 16-byte entries: the key (BSN and AGB in one
/// <see cref="ulong"/>) and, for the common client with one period, that period inline as two day numbers. A look-up is
/// then one hash, mostly one cache line, and no second array.
/// </summary>
/// <remarks>
/// Why not a frozen dictionary of slices into a period array: at 621,676 clients that cost about 45 bytes a client over
/// three arrays, and three dependent cache misses a line. Here a client costs 16 bytes over 1.25 entries (the table is
/// at most 80 % full; the slot is found by multiply-shift, so its size need not be a power of two) and one miss. A client
/// with more than one period keeps them, sorted by begin, in a side array the entry points into. Keys are compared in
/// full, so hash collisions only lengthen a probe.
/// </remarks>
internal sealed class MazIndex
{
    /// <summary>The day number of an open end (no MEZ): <see cref="DateOnly.MaxValue"/>.</summary>
    private static readonly int s_open = DateOnly.MaxValue.DayNumber;

    private readonly Entry[] _entries;
    private readonly int[] _more;

    private MazIndex(Entry[] entries, int[] more)
    {
        _entries = entries;
        _more = more;
    }

    public static MazIndex Empty { get; } = new([], []);

    /// <summary>The bytes the index holds, for the snapshot's memory figures.</summary>
    public long Footprint => (_entries.Length * 16L) + (_more.Length * 4L);

    /// <param name="periods">Per key, its periods sorted by begin (at least one).</param>
    public static MazIndex Build(IReadOnlyList<(ulong Key, MazPeriod[] Periods)> periods)
    {
        if (periods.Count == 0)
        {
            return Empty;
        }

        var entries = new Entry[periods.Count + (periods.Count / 4) + 1];
        var more = new List<int>();
        foreach (var (key, list) in periods)
        {
            var slot = SlotOf(key, entries.Length);
            while (entries[slot].Key != 0)
            {
                slot = slot + 1 == entries.Length ? 0 : slot + 1;
            }

            ref var entry = ref entries[slot];
            entry.Key = key + 1;
            if (list.Length == 1)
            {
                entry.Begin = list[0].Begin.DayNumber;
                entry.End = EndOf(list[0]);
            }
            else
            {
                // More than one period: Begin is -(1 + where they start in the side array), End how many there are.
                entry.Begin = -(1 + more.Count);
                entry.End = list.Length;
                foreach (var period in list)
                {
                    more.Add(period.Begin.DayNumber);
                    more.Add(EndOf(period));
                }
            }
        }

        return new MazIndex(entries, [.. more]);
    }

    /// <summary>The key of a client with a provider; negative numbers are no key (no row holds one).</summary>
    public static ulong KeyOf(int bsn, int agb) => ((ulong)(uint)bsn << 32) | (uint)agb;

    /// <summary>How the periods of the key cover <paramref name="begin"/>..<paramref name="end"/> (see <see cref="ReferenceSnapshot.CheckMaz"/>).</summary>
    public MazCoverage Check(ulong key, DateOnly begin, DateOnly end)
    {
        var entries = _entries;
        if (entries.Length == 0)
        {
            return MazCoverage.None;
        }

        var stored = key + 1;
        var slot = SlotOf(key, entries.Length);
        while (true)
        {
            ref readonly var entry = ref entries[slot];
            if (entry.Key == stored)
            {
                var b = begin.DayNumber;
                var e = end.DayNumber;
                return entry.Begin >= 0 ? Cover(entry.Begin, entry.End, b, e) : CheckMany(-entry.Begin - 1, entry.End, b, e);
            }

            if (entry.Key == 0)
            {
                return MazCoverage.None;
            }

            slot = slot + 1 == entries.Length ? 0 : slot + 1;
        }
    }

    /// <summary>
    /// Starts loading the entry where the key's probe begins, without waiting for it: a client's MAZ entry is almost
    /// always a miss (a file visits each client once, the table is megabytes), and the 02 record names the client before
    /// its 04 lines are parsed, which is time enough to hide most of the miss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        var entries = _entries;
        if (Sse.IsSupported && entries.Length != 0)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref entries[SlotOf(key, entries.Length)]));
        }
    }

    /// <summary>The periods of the key by begin date; empty when there are none. Allocates: not for the hot path.</summary>
    public MazPeriod[] PeriodsOf(ulong key)
    {
        var entries = _entries;
        if (entries.Length == 0)
        {
            return [];
        }

        var slot = SlotOf(key, entries.Length);
        while (entries[slot].Key != 0)
        {
            ref readonly var entry = ref entries[slot];
            if (entry.Key == key + 1)
            {
                if (entry.Begin >= 0)
                {
                    return [Period(entry.Begin, entry.End)];
                }

                var start = -entry.Begin - 1;
                var periods = new MazPeriod[entry.End];
                for (var i = 0; i < periods.Length; i++)
                {
                    periods[i] = Period(_more[start + (2 * i)], _more[start + (2 * i) + 1]);
                }

                return periods;
            }

            slot = slot + 1 == entries.Length ? 0 : slot + 1;
        }

        return [];
    }

    /// <summary>As <see cref="MazPeriod.Contains"/> and <see cref="MazPeriod.Touches"/> for one period, on day numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MazCoverage Cover(int periodBegin, int periodEnd, int begin, int end) =>
        periodBegin > end ? MazCoverage.None
        : periodBegin <= begin && end <= periodEnd ? MazCoverage.Whole
        : periodBegin <= end && begin <= periodEnd ? MazCoverage.Partial
        : MazCoverage.None;

    private MazCoverage CheckMany(int start, int count, int begin, int end)
    {
        var coverage = MazCoverage.None;
        for (var i = 0; i < count; i++)
        {
            var periodBegin = _more[start + (2 * i)];

            // Sorted by begin: once a period starts after the line ends, so do all the rest (Cover says None for it).
            if (periodBegin > end)
            {
                break;
            }

            var found = Cover(periodBegin, _more[start + (2 * i) + 1], begin, end);
            if (found == MazCoverage.Whole)
            {
                return found;
            }

            if (found == MazCoverage.Partial)
            {
                coverage = MazCoverage.Partial;
            }
        }

        return coverage;
    }

    private static int EndOf(MazPeriod period) => period.End?.DayNumber ?? s_open;

    private static MazPeriod Period(int begin, int end) =>
        new(DateOnly.FromDayNumber(begin), end == s_open ? null : DateOnly.FromDayNumber(end));

    /// <summary>A multiply-shift of the mixed key onto 0..size-1: no division and no power-of-two size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(ulong key, int size)
    {
        var h = unchecked(key * 0x9E3779B97F4A7C15UL); // Fibonacci hashing: the product wraps modulo 2^64 on purpose
        h ^= h >> 32;
        return (int)(((h & 0xFFFFFFFFUL) * (ulong)(uint)size) >> 32);
    }

    // 16 bytes: Key is the key + 1 (0 marks a free entry); Begin/End a period as day numbers, or where the periods are.
    private struct Entry
    {
        public ulong Key;
        public int Begin;
        public int End;
    }
}
