namespace WlzMessaging.Reference.Csv;

/// <summary>A row read without a problem, with the line it came from.</summary>
internal readonly record struct Numbered<TRow>(TRow Row, int Line);

/// <summary>
/// Checks across the rows of one file: the rules that make a snapshot lookup ambiguous when broken (two rows for one key,
/// two periods of one thing in force on the same day). Messages name lines, never key values: keys may hold a BSN.
/// </summary>
internal sealed class FileChecks(ProblemCollector problems)
{
    /// <summary>Reports every row whose key an earlier row already has.</summary>
    public void Unique<TRow, TKey>(IReadOnlyList<Numbered<TRow>> rows, Func<TRow, TKey> key, string keyColumns)
        where TKey : notnull
    {
        var firstLine = new Dictionary<TKey, int>();
        foreach (var (row, line) in rows)
        {
            if (!firstLine.TryAdd(key(row), line))
            {
                problems.Add(line, keyColumns, $"duplicate of line {firstLine[key(row)]}");
            }
        }
    }

    /// <summary>
    /// Reports every row whose period (begin through end, both inclusive; no end = open) shares a day with an earlier-starting
    /// period of the same group. This includes two rows with the same begin, so it also covers duplicate keys.
    /// </summary>
    public void NoOverlap<TRow, TGroup>(
        IReadOnlyList<Numbered<TRow>> rows,
        Func<TRow, TGroup> group,
        Func<TRow, DateOnly> begin,
        Func<TRow, DateOnly?> end,
        string periodColumns)
        where TGroup : notnull
    {
        foreach (var members in rows.GroupBy(r => group(r.Row)))
        {
            // Sorted by begin (then line, so that the earlier line is the one kept), the latest-ending period so far is the
            // only one a later-starting period can overlap without also overlapping it.
            Numbered<TRow>? reach = null;
            var reachEnd = DateOnly.MinValue;
            foreach (var current in members.OrderBy(r => begin(r.Row)).ThenBy(r => r.Line))
            {
                var currentEnd = end(current.Row) ?? DateOnly.MaxValue;
                if (reach is { } previous && begin(current.Row) <= reachEnd)
                {
                    problems.Add(current.Line, periodColumns, $"period overlaps line {previous.Line}");
                }

                if (reach is null || currentEnd > reachEnd)
                {
                    reach = current;
                    reachEnd = currentEnd;
                }
            }
        }
    }
}
