using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WlzMessaging.Reference.Xlsx;

/// <summary>
/// Writes a koppeltabel spreadsheet in the published layout that <see cref="KoppeltabelXlsx"/> reads: a title row, the header
/// row, then one row a version of a code, dates as date cells, text in the shared string table as Excel writes it.
/// </summary>
public static class KoppeltabelXlsxWriter
{
    /// <summary>The header row, columns A to K.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "prestatiecodelijst", "volgnummer", "prestatiecode", "omschrijving", "zzp/vpt-codes", "eenheid", "functiecodes",
        "ingangsdatum", "einddatum", "prestatiegroep", "bijzonderheid",
    ];

    /// <summary>The rows of list 055 as a koppeltabel spreadsheet.</summary>
    public static void Write(Stream stream, IEnumerable<KoppeltabelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var number = 0;
        WriteCells(stream, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Prestatiecodelijst.ToString("000", CultureInfo.InvariantCulture),
            ++number,
            r.Prestatiecode.ToString(),
            r.Omschrijving,
            string.Join(", ", r.Zzpcodes.Select(c => c.ToString("000", CultureInfo.InvariantCulture))),
            KoppeltabelXlsx.UnitText(r.Eenheid),
            string.Join(", ", r.Functiecodes.Select(c => c.ToString("00", CultureInfo.InvariantCulture))),
            r.Ingangsdatum,
            r.Einddatum,
            r.Prestatiegroep,
            null,
        ]));
    }

    /// <summary>
    /// Any rows of cells A to K under the title and header rows: a <see cref="string"/> becomes a text cell, a number a
    /// number cell, a <see cref="DateOnly"/> a date cell, null an absent cell. Tests use it for rows a real table may hold.
    /// </summary>
    /// <param name="header">The header row; <see cref="Header"/> when not given.</param>
    public static void WriteCells(Stream stream, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string>? header = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        AddStyles(workbook);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetData = new SheetData();

        uint line = 1;
        sheetData.Append(RowOf(line++, ["Koppeltabel Wlz (prestatiecodelijst 055)"], strings));
        sheetData.Append(RowOf(line++, [.. header ?? Header], strings));
        foreach (var cells in rows)
        {
            sheetData.Append(RowOf(line++, cells, strings));
        }

        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        sheetPart.Worksheet = new Worksheet(sheetData);
        var stringPart = workbook.AddNewPart<SharedStringTablePart>();
        stringPart.SharedStringTable = new SharedStringTable(
            strings.OrderBy(s => s.Value).Select(s => new SharedStringItem(new Text(s.Key) { Space = SpaceProcessingModeValues.Preserve })));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Prestaties" }));
        workbook.Workbook.Save();
    }

    private static Row RowOf(uint line, IReadOnlyList<object?> values, Dictionary<string, int> strings)
    {
        var row = new Row { RowIndex = line };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = $"{(char)('A' + i)}{line}";
            switch (values[i])
            {
                case null:
                    break;
                case string text:
                    if (!strings.TryGetValue(text, out var index))
                    {
                        index = strings.Count;
                        strings.Add(text, index);
                    }

                    row.Append(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)),
                    });
                    break;
                case DateOnly date:
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = 1,
                        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                    });
                    break;
                case IConvertible number:
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    });
                    break;
                default:
                    throw new ArgumentException($"cell {reference}: a {values[i]!.GetType().Name} cannot be written", nameof(values));
            }
        }

        return row;
    }

    // Style 1 shows a number as a date (built-in format 14), as in the published table.
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
    }
}
