using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Reference.Xlsx;

/// <summary>
/// The koppeltabel as NZa and Vektis publish it: an .xlsx whose prestaties sheet has, from the header row on, prestatiecode
/// (C), omschrijving (D), the ZZP/VPT codes allowed (E), the unit as text (F), the functiecodes allowed (G), ingangsdatum (H),
/// einddatum (I), prestatiegroep (J) and a flag (K). Every row becomes a <see cref="KoppeltabelRow"/> of list 055 and goes
/// through exactly the checks of koppeltabel.csv, so both ways in give the same rows and the same refusals.
/// </summary>
/// <remarks>
/// Read with the Open XML SDK's <see cref="OpenXmlReader"/>, one row element at a time: the sheet is never held as a DOM.
/// Problems are named <c>koppeltabel.xlsx:ROW: F (eenheid): problem</c>, ROW being the spreadsheet's own row number.
/// </remarks>
public static class KoppeltabelXlsx
{
    public const string FileName = "koppeltabel.xlsx";

    // The columns of koppeltabel.csv in its order, as the spreadsheet's columns: what a problem is named by.
    private static readonly string[] s_columnNames =
    [
        "prestatiecodelijst", "C (prestatiecode)", "D (omschrijving)", "E (zzp/vpt-codes)", "G (functiecodes)", "F (eenheid)",
        "J (prestatiegroep)", "H (ingangsdatum)", "I (einddatum)",
    ];

    // Spreadsheet column (0 = A) of each koppeltabel.csv column; -1: not in the sheet (the list is always 055).
    private static readonly int[] s_sourceColumn = [-1, 2, 3, 4, 6, 5, 9, 7, 8];

    private const int ColumnC = 2;
    private const int ColumnK = 10;

    /// <summary>The unit texts of column F and the 0419 code each stands for; compared without case and outer spaces.</summary>
    public static IReadOnlyDictionary<string, Tijdseenheid> Units { get; } =
        new Dictionary<string, Tijdseenheid>(StringComparer.OrdinalIgnoreCase)
        {
            ["minuut"] = Tijdseenheid.Minuut,
            ["minuten"] = Tijdseenheid.Minuut,
            ["uur"] = Tijdseenheid.Uur,
            ["uren"] = Tijdseenheid.Uur,
            ["etmaal"] = Tijdseenheid.Etmaal,
            ["etmalen"] = Tijdseenheid.Etmaal,
            ["dagdeel"] = Tijdseenheid.Dagdeel,
            ["dagdelen"] = Tijdseenheid.Dagdeel,
            ["tijdsonafhankelijk"] = Tijdseenheid.Tijdsonafhankelijk,
        };

    /// <summary>The text the writer puts in column F for a unit.</summary>
    public static string UnitText(Tijdseenheid eenheid) => eenheid switch
    {
        Tijdseenheid.Minuut => "minuut",
        Tijdseenheid.Uur => "uur",
        Tijdseenheid.Etmaal => "etmaal",
        Tijdseenheid.Dagdeel => "dagdeel",
        Tijdseenheid.Tijdsonafhankelijk => "tijdsonafhankelijk",
        _ => throw new ArgumentOutOfRangeException(nameof(eenheid), eenheid, "no unit text"),
    };

    /// <summary>Reads the spreadsheet at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ParseResult<KoppeltabelRow> Parse(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Parse(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a koppeltabel spreadsheet; anything wrong, also a file that is no .xlsx at all, is a problem, not an exception.</summary>
    public static ParseResult<KoppeltabelRow> Parse(Stream stream, string fileName = FileName)
    {
        var problems = new ProblemCollector(fileName, ReferenceCsvParser<KoppeltabelRow>.MaxProblemsKept);
        List<(int Line, string[] Fields)> rows;
        try
        {
            rows = ReadRows(stream, problems);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            problems.Add(1, "file", "not a readable .xlsx workbook");
            rows = [];
        }

        return ReferenceCsv.Koppeltabel.ParseRows(rows, s_columnNames, problems, fileName);
    }

    private static List<(int Line, string[] Fields)> ReadRows(Stream stream, ProblemCollector problems)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var sheet = sheets.FirstOrDefault(s => s.Name?.Value?.Contains("prestatie", StringComparison.OrdinalIgnoreCase) == true)
            ?? sheets.FirstOrDefault()
            ?? throw new InvalidDataException("no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id?.Value ?? throw new InvalidDataException("sheet without id"));
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];

        var rows = new List<(int, string[])>();
        var headerSeen = false;
        var cells = new string[ColumnK + 1];
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var line = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
            Array.Fill(cells, string.Empty);
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : position;
                position = column + 1;
                if (column <= ColumnK)
                {
                    cells[column] = TextOf(cell, shared, column);
                }
            }

            if (!headerSeen)
            {
                // Title rows above the header are part of the published layout; the header is the row naming column C.
                headerSeen = cells[ColumnC].Trim().Equals("prestatiecode", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (cells.AsSpan(ColumnC).IndexOfAnyExcept(string.Empty) < 0)
            {
                continue; // an empty row (formatted, no values): spreadsheets keep them below the table
            }

            if (ToCsvFields(cells, line, problems) is { } fields)
            {
                rows.Add((line, fields));
            }
        }

        if (!headerSeen)
        {
            problems.Add(1, "header", "no header row with prestatiecode in column C");
        }

        return rows;
    }

    // The row in koppeltabel.csv's columns and spelling; null (with the problem reported) when a cell cannot be translated.
    private static string[]? ToCsvFields(string[] cells, int line, ProblemCollector problems)
    {
        var fields = new string[s_columnNames.Length];
        fields[0] = "055";
        var ok = true;
        for (var i = 1; i < fields.Length; i++)
        {
            var text = cells[s_sourceColumn[i]].Trim();
            switch (i)
            {
                case 3 or 4:
                    // Lists are written with commas, semicolons or spaces between the codes.
                    text = string.Join(',', text.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
                    break;
                case 5:
                    if (text.Length == 0)
                    {
                        break; // reported as missing by the shared checks
                    }

                    if (!Units.TryGetValue(text, out var unit))
                    {
                        problems.Add(line, s_columnNames[i], $"unknown unit \"{Cut(text)}\" (known: {string.Join(", ", Units.Keys)})");
                        ok = false;
                        break;
                    }

                    text = ((int)unit).ToString("00", CultureInfo.InvariantCulture);
                    break;
                case 7 or 8:
                    if (text.Length > 0)
                    {
                        if (ToIsoDate(text) is { } iso)
                        {
                            text = iso;
                        }
                        else
                        {
                            problems.Add(line, s_columnNames[i], $"not a date (a date cell, dd-mm-jjjj or jjjj-mm-dd): \"{Cut(text)}\"");
                            ok = false;
                        }
                    }

                    break;
            }

            fields[i] = text;
        }

        return ok ? fields : null;
    }

    // A date cell holds its OLE Automation serial; a text cell one of the two spellings people type.
    private static string? ToIsoDate(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            return serial is >= 1 and < 2958466 && serial == Math.Floor(serial)
                ? DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
        }

        return DateOnly.TryParseExact(text, ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static string TextOf(Cell cell, string[] shared, int column)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var value = cell.CellValue?.Text ?? string.Empty;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Length
                ? shared[index]
                : string.Empty;
        }

        if (type is null || type == CellValues.Number)
        {
            // A code typed as a number lost its leading zeros: ZZP codes have 3 digits, functiecodes 2.
            if (value.Length > 0 && value.All(char.IsAsciiDigit))
            {
                return column switch
                {
                    4 => value.PadLeft(3, '0'),
                    6 => value.PadLeft(2, '0'),
                    _ => value,
                };
            }
        }

        return value;
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return column - 1;
    }

    private static string Cut(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
