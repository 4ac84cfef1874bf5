namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>
/// Reads the pipe tables of the project's specs: the rows under a given header, grouped by the <c>## </c> heading above
/// them. Deliberately strict (exact header, one cell per column) so a spec that changes shape fails loudly, not silently.
/// </summary>
internal static class MarkdownTables
{
    public static Dictionary<string, List<string[]>> BySection(string path, string header)
    {
        var tables = new Dictionary<string, List<string[]>>();
        var section = ""; // a table before any "## " heading belongs to the document itself
        List<string[]>? rows = null;
        var columns = Cells(header).Length;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                rows = null;
                continue;
            }

            if (line.Trim() == header)
            {
                Assert.False(tables.ContainsKey(section), $"{path}: section '{section}' has two tables");
                rows = [];
                tables[section] = rows;
                i++; // the | --- | line
                Assert.StartsWith("| ---", lines[i], StringComparison.Ordinal);
                continue;
            }

            if (rows is not null)
            {
                if (!line.StartsWith('|'))
                {
                    rows = null;
                    continue;
                }

                var cells = Cells(line);
                Assert.True(cells.Length == columns, $"{path}:{i + 1}: {cells.Length} cells, expected {columns}");
                rows.Add(cells);
            }
        }

        return tables;
    }

    private static string[] Cells(string line)
    {
        var trimmed = line.Trim();
        Assert.StartsWith("|", trimmed, StringComparison.Ordinal);
        Assert.EndsWith("|", trimmed, StringComparison.Ordinal);
        return trimmed[1..^1].Split('|').Select(c => c.Trim()).ToArray();
    }
}
