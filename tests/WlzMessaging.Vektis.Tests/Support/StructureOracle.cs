using System.Globalization;
using System.Text;
using WlzMessaging.Testing;

namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>
/// A second, deliberately plain judge of AW319 structure for the fuzz test: strings and the field tables of
/// specs/aw319.md, no code shared with the reader. It answers one question, "is anything wrong with this file?", so the
/// fuzz test can hold the reader to it both ways: a file the reader passes must be sound, and a file the reader faults
/// must not be.
/// </summary>
internal static class StructureOracle
{
    private const int MaxLine = 4096;
    private const long MaxTotal = 99_999_999_999;

    private static readonly Dictionary<string, Dictionary<string, (int Start, int Length, string Type, string Use)>> s_layout = Load();

    /// <summary>The first fault found, or null when the file is sound.</summary>
    public static string? FirstFault(byte[] file, DateOnly received, int uzovi)
    {
        var text = Encoding.Latin1.GetString(file);
        var lines = new List<string>();
        for (var pos = 0; pos < text.Length;)
        {
            var lf = text.IndexOf('\n', pos);
            if (lf < 0)
            {
                return "the last record has no LF";
            }

            var line = text[pos..lf];
            pos = lf + 1;
            if (line.Length > MaxLine)
            {
                return "a line longer than the reader's limit";
            }

            if (!line.EndsWith('\r'))
            {
                return $"line {lines.Count + 1} has no CR";
            }

            line = line[..^1];
            if (line.Length == 0 || line.Contains('\r', StringComparison.Ordinal) || line.Length != 310)
            {
                return $"line {lines.Count + 1} is empty, holds a CR or is not 310 long";
            }

            lines.Add(line);
        }

        if (lines.Count == 0 || lines[0][..2] != "01")
        {
            return "no voorlooprecord first";
        }

        return Fields(lines) ?? Voorloop(lines[0], received, uzovi) ?? Order(lines) ?? Sluit(lines);
    }

    private static string? Fields(List<string> lines)
    {
        foreach (var line in lines)
        {
            if (!s_layout.TryGetValue(line[..2], out var fields))
            {
                return $"record type {line[..2]}";
            }

            foreach (var (code, f) in fields)
            {
                var value = line.Substring(f.Start - 1, f.Length);
                if (f.Type == "N" && !value.All(char.IsAsciiDigit))
                {
                    return $"{code} is not digits";
                }

                if (f.Use == "-" && value.Any(c => c != ' '))
                {
                    return $"{code} is not spaces";
                }
            }
        }

        return null;
    }

    private static string? Voorloop(string r, DateOnly received, int uzovi)
    {
        string F(string code) => Get(r, "01", code);
        DateOnly? D(string code) =>
            DateOnly.TryParseExact(F(code), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        if (F("0102") != "187" || F("0103") != "01" || F("0104") != "04")
        {
            return "not AW319 v1.4";
        }

        if (F("0105") is not ("P" or "T") || F("0113") is not ("01" or "02" or "03" or "04") || F("0119") != "EUR")
        {
            return "soort, betaling aan or valuta";
        }

        if (F("0108") != uzovi.ToString("D4", CultureInfo.InvariantCulture))
        {
            return "another zorgkantoor";
        }

        var begin = D("0114");
        var end = D("0115");
        var dagtekening = D("0117");
        if (begin is null || end is null || end < begin || dagtekening is null || dagtekening > received)
        {
            return "a date of the voorlooprecord";
        }

        return null;
    }

    private static string? Order(List<string> lines)
    {
        bool seenSluit = false, hasClient = false, clientHasLines = false;
        var previous = "01";
        long expectedId = 1, parentId = 0;
        string? client = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var r = lines[i];
            var type = r[..2];
            if (seenSluit)
            {
                return "a record after the 99";
            }

            switch (type)
            {
                case "99":
                    seenSluit = true;
                    break;
                case "02" or "04":
                    if (type == "02" ? hasClient && !clientHasLines : !hasClient)
                    {
                        return $"record {i + 1}: a 02 without 04 or a 04 without 02";
                    }

                    var id = long.Parse(r[2..14], CultureInfo.InvariantCulture);
                    if (id != expectedId)
                    {
                        return $"record {i + 1}: id {id}, expected {expectedId}";
                    }

                    expectedId++;
                    parentId = id;
                    if (type == "02")
                    {
                        hasClient = true;
                        clientHasLines = false;
                        client = r;
                    }
                    else
                    {
                        clientHasLines = true;
                        string[][] same = [["0403", "0203"], ["0404", "0204"], ["0405", "0205"], ["0408", "0224"], ["0409", "0225"]];
                        if (same.Any(p => Get(r, "04", p[0]) != Get(client!, "02", p[1])))
                        {
                            return $"record {i + 1}: differs from its 02";
                        }

                        if (Get(r, "04", "0427") is not ("D" or "C") || Get(r, "04", "0430") is not ("D" or "C"))
                        {
                            return $"record {i + 1}: D/C";
                        }

                        if (Get(r, "04", "0407") != "1")
                        {
                            return $"record {i + 1}: doorsturen toegestaan is not 1";
                        }
                    }

                    break;
                case "98":
                    if (previous is not ("02" or "04" or "98") || long.Parse(r[2..14], CultureInfo.InvariantCulture) != parentId)
                    {
                        return $"record {i + 1}: a 98 out of place";
                    }

                    break;
                default:
                    return $"record {i + 1}: type {type} here";
            }

            previous = type;
        }

        return !seenSluit ? "no 99" : !hasClient || !clientHasLines ? "no client, or a client without lines" : null;
    }

    private static string? Sluit(List<string> lines)
    {
        var sluit = lines[^1];
        string S(string code) => Get(sluit, "99", code);
        long Count(string type) => lines.Count(l => l[..2] == type);
        long net = 0, gross = 0;
        foreach (var line in lines.Where(l => l[..2] == "04"))
        {
            var amount = long.Parse(Get(line, "04", "0429"), CultureInfo.InvariantCulture);
            gross += amount;
            net += Get(line, "04", "0430") == "C" ? -amount : amount;
        }

        var counts = new[] { Count("02"), Count("03"), Count("04"), Count("98"), Count("02") + Count("03") + Count("04") + Count("98") };
        var declared = new[] { "9902", "9903", "9904", "9905", "9906" }.Select(c => long.Parse(S(c), CultureInfo.InvariantCulture));
        if (!counts.SequenceEqual(declared))
        {
            return "a count of the 99";
        }

        if (long.Parse(S("9907"), CultureInfo.InvariantCulture) != Math.Abs(net) || S("9908") != (net < 0 ? "C" : "D") || gross > MaxTotal)
        {
            return "the total of the 99";
        }

        return null;
    }

    private static string Get(string record, string type, string code)
    {
        var f = s_layout[type][code];
        return record.Substring(f.Start - 1, f.Length);
    }

    private static Dictionary<string, Dictionary<string, (int, int, string, string)>> Load()
    {
        var tables = MarkdownTables.BySection(
            RepositoryRoot.Combine("specs", "aw319.md"), "| code | name | start | length | type | use | permitted | meaning |");
        return tables.Where(t => t.Key.StartsWith("Record ", StringComparison.Ordinal)).ToDictionary(
            t => t.Key.Split(' ')[1],
            t => t.Value.ToDictionary(
                row => row[0],
                row => (int.Parse(row[2], CultureInfo.InvariantCulture), int.Parse(row[3], CultureInfo.InvariantCulture), row[4], row[5])));
    }
}
