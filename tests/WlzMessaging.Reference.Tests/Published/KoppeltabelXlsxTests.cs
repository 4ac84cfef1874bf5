using WlzMessaging.Reference.Csv;
using WlzMessaging.Reference.Xlsx;
using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Published;

/// <summary>
/// The koppeltabel spreadsheet as published: written here by the test itself (title row, header, the columns C-K, dates as
/// date cells or typed text, units as text), read back into the rows koppeltabel.csv gives.
/// </summary>
public class KoppeltabelXlsxTests
{
    private static readonly DateOnly Jan1_2015 = new(2015, 1, 1);

    private static ParseResult<KoppeltabelRow> Read(IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        KoppeltabelXlsxWriter.WriteCells(stream, rows);
        stream.Position = 0;
        return KoppeltabelXlsx.Parse(stream);
    }

    // Cells A to K of one row: list, number, code, description, ZZP/VPT codes, unit text, functiecodes, begin, end, group, flag.
    private static object?[] Row(string code, object? zzp, string unit, object? functies, object begin, object? end, object? groep = null, string? flag = null) =>
        ["055", 1, code, "omschrijving " + code, zzp, unit, functies, begin, end, groep, flag];

    private static object?[][] PublishedTable() =>
    [
        // Z015: two windows, the ZZP codes allowed change on 2024-01-01.
        Row("Z015", "001", "etmaal", null, Jan1_2015, new DateOnly(2023, 12, 31), 36),
        Row("Z015", "001, 002", "Etmaal", null, new DateOnly(2024, 1, 1), null, 36),
        // H126: three windows, functiecodes change twice; the first written as a date typed as text.
        Row("H126", null, "minuut", "02", "01-01-2015", new DateOnly(2024, 6, 30), 6),
        Row("H126", null, " minuut ", "02;03", new DateOnly(2024, 7, 1), new DateOnly(2024, 12, 31), 6),
        Row("H126", null, "minuut", "02 03 04", new DateOnly(2025, 1, 1), null, 6),
        // F125 ends in the middle of March; its ZZP cell is empty, its functiecode a number cell that lost its leading zero.
        Row("F125", null, "uur", 5, Jan1_2015, new DateOnly(2025, 3, 15), 8, "vervalt"),
        // V015 with a ZZP code typed as a number (1 = 001).
        Row("V015", 1, "etmaal", null, Jan1_2015, null, 39),
        Row("M001", null, "tijdsonafhankelijk", null, Jan1_2015, null, 20),
    ];

    [Fact]
    public void The_sample_koppeltabel_written_as_a_spreadsheet_reads_back_as_the_same_rows()
    {
        var expected = DataSet.Koppeltabel!.Rows;
        using var stream = new MemoryStream();
        KoppeltabelXlsxWriter.Write(stream, expected);
        stream.Position = 0;

        var result = KoppeltabelXlsx.Parse(stream);

        Assert.Empty(result.Problems);
        Assert.Equal(expected, result.Rows);
    }

    [Fact]
    public void Every_window_of_a_code_is_kept_and_a_line_finds_the_one_valid_on_its_dates()
    {
        var result = Read(PublishedTable());
        Assert.Empty(result.Problems);
        Assert.Equal(8, result.RowCount);
        var snapshot = ReferenceSnapshot.Build(new ReferenceTables { Koppeltabel = result.Rows });

        Assert.Equal(3, snapshot.GetKoppelingen(ReferenceSnapshot.WlzPrestatiecodelijst, Code("H126")).Length);
        Assert.True(snapshot.TryGetKoppeling(Code("H126"), Date("2024-08-01"), Date("2024-08-31"), out var august2024));
        Assert.True(august2024.AllowsFunctie(3));
        Assert.False(august2024.AllowsFunctie(4));
        Assert.True(snapshot.TryGetKoppeling(Code("H126"), Date("2025-01-01"), Date("2025-01-31"), out var january2025));
        Assert.True(january2025.AllowsFunctie(4));
        Assert.True(snapshot.TryGetKoppeling(Code("H126"), Date("2020-03-01"), Date("2020-03-31"), out var typed));
        Assert.Equal(Jan1_2015, typed.Ingangsdatum);

        // A line across the change of windows has no single version: 0582.
        Assert.False(snapshot.TryGetKoppeling(Code("Z015"), Date("2023-12-15"), Date("2024-01-15"), out _));
        Assert.True(snapshot.TryGetKoppeling(Code("Z015"), Date("2024-02-01"), Date("2024-02-29"), out var z015));
        Assert.True(z015.AllowsZzp(2));

        // F125 ends on 15 March: the first half of March is valid, the whole month is not.
        Assert.True(snapshot.TryGetKoppeling(Code("F125"), Date("2025-03-01"), Date("2025-03-15"), out var f125));
        Assert.True(f125.AllowsFunctie(5));
        Assert.Equal(Tijdseenheid.Uur, f125.Eenheid);
        Assert.False(snapshot.TryGetKoppeling(Code("F125"), Date("2025-03-01"), Date("2025-03-31"), out _));

        Assert.True(snapshot.TryGetKoppeling(Code("V015"), Date("2025-01-01"), Date("2025-01-31"), out var v015));
        Assert.True(v015.AllowsZzp(1));
        Assert.Equal(Tijdseenheid.Tijdsonafhankelijk, result.Rows.Single(r => r.Prestatiecode == Code("M001")).Eenheid);
        Assert.Equal(36, z015.Row.Prestatiegroep);
    }

    [Fact]
    public void A_malformed_row_is_named_by_file_row_and_column_and_no_row_is_taken()
    {
        var table = PublishedTable().ToList();
        table.Add(Row("H300", null, "week", "04", Jan1_2015, null));                          // row 11: unit unknown
        table.Add(Row("H301", null, "uur", "04", "31-02-2024", null));                       // row 12: no such date
        table.Add(Row("Z015", "001", "etmaal", null, new DateOnly(2023, 6, 1), null, 36));   // row 13: overlaps rows 3 and 4
        table.Add(Row("H302", "1,22", "uur", null, Jan1_2015, null));                        // row 14: ZZP codes not of 3 digits

        var result = Read(table);

        Assert.Empty(result.Rows);
        // Row 13 starts inside row 3's window and runs on open, so row 4 (a later start) overlaps it too.
        Assert.Equal(
        [
            "koppeltabel.xlsx:4: ingangsdatum,einddatum: period overlaps line 13",
            "koppeltabel.xlsx:11: F (eenheid): unknown unit \"week\" (known: minuut, minuten, uur, uren, etmaal, etmalen, dagdeel, dagdelen, tijdsonafhankelijk)",
            "koppeltabel.xlsx:12: H (ingangsdatum): not a date (a date cell, dd-mm-jjjj or jjjj-mm-dd): \"31-02-2024\"",
            "koppeltabel.xlsx:13: ingangsdatum,einddatum: period overlaps line 3",
            "koppeltabel.xlsx:14: E (zzp/vpt-codes): item 1 is not 3 digits: \"1,22\"",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_sheet_without_the_header_row_is_refused()
    {
        using var stream = new MemoryStream();
        KoppeltabelXlsxWriter.WriteCells(stream, PublishedTable(), header: ["lijst", "nr", "code", "omschrijving"]);
        stream.Position = 0;

        var result = KoppeltabelXlsx.Parse(stream);

        Assert.Equal(["koppeltabel.xlsx:1: header: no header row with prestatiecode in column C"], result.Problems.Select(p => p.ToString()));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Bytes_that_are_no_workbook_are_a_problem_not_an_exception()
    {
        var result = KoppeltabelXlsx.Parse(new MemoryStream("prestatiecode;omschrijving\n"u8.ToArray()));

        Assert.Equal(["koppeltabel.xlsx:1: file: not a readable .xlsx workbook"], result.Problems.Select(p => p.ToString()));
    }
}
