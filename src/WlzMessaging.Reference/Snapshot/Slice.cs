using System.Collections.Frozen;

namespace WlzMessaging.Reference;

/// <summary>A run of one key's values inside a shared array: one array per table instead of one per key.</summary>
internal readonly record struct Slice(int Start, int Length);

/// <summary>Groups rows by key into one array, each group sorted and indexed by a <see cref="Slice"/>.</summary>
internal static class Grouping
{
    /// <param name="conflict">True for two neighbours of one group (in sorted order) that may not both exist.</param>
    /// <param name="table">The table's name, for the exception when <paramref name="conflict"/> finds a pair.</param>
    public static FrozenDictionary<TKey, Slice> Build<TRow, TKey, TValue>(
        IReadOnlyList<TRow> rows,
        Func<TRow, TKey> key,
        Func<TRow, TValue> value,
        Comparison<TValue> order,
        Func<TValue, TValue, bool> conflict,
        string table,
        out TValue[] values)
        where TKey : notnull
    {
        var all = new TValue[rows.Count];
        var index = new Dictionary<TKey, Slice>();
        var next = 0;
        foreach (var group in rows.GroupBy(key))
        {
            var start = next;
            foreach (var row in group)
            {
                all[next++] = value(row);
            }

            var span = all.AsSpan(start, next - start);
            span.Sort(order);
            for (var i = 1; i < span.Length; i++)
            {
                if (conflict(span[i - 1], span[i]))
                {
                    // Rows are checked on import (ReferenceCsv); rows that break the rule come from a bug, not from data.
                    throw new ArgumentException($"{table}: two rows of one key conflict; rows must pass the import checks.", nameof(rows));
                }
            }

            index.Add(group.Key, new Slice(start, next - start));
        }

        values = all;
        return index.ToFrozenDictionary();
    }
}
