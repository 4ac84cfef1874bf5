using System.Text;
using nietras.SeparatedValues;

namespace WlzMessaging.Reference.Csv;

/// <summary>A parser of one reference file, whatever its row type.</summary>
public interface IReferenceCsvParser
{
    /// <summary>The file's name in an import directory, e.g. <c>providers.csv</c>.</summary>
    string FileName { get; }

    /// <summary>The header's column names, in order.</summary>
    IReadOnlyList<string> Columns { get; }

    IReferenceFileResult Parse(TextReader reader);
}

/// <summary>
/// Reads one reference file whole: UTF-8, <c>;</c>-separated, a header row with exactly <see cref="Columns"/>, then one row
/// a line. Every problem in the file is reported (up to <see cref="MaxProblemsKept"/>); bad data never throws.
/// </summary>
/// <remarks>
/// Fields are taken exactly as written: no quoting (a field cannot hold <c>;</c>), no trimming of spaces, an empty field is
/// "none". Sep finds the line ends and the separators; the header, line numbers, the line-length bound and every check
/// of a row are done here. Only the derived parsers in this assembly exist, see <see cref="ReferenceCsv"/>.
/// </remarks>
public abstract class ReferenceCsvParser<TRow> : IReferenceCsvParser
    where TRow : class
{
    /// <summary>How many problems of one file are kept; the rest are counted.</summary>
    public const int MaxProblemsKept = 100;

    /// <summary>The longest line read; reference rows are far shorter, so a longer line is not a row.</summary>
    public const int MaxLineLength = 4096;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Sep splits the rows and fields; every check stays ours. No header (the first line is compared here), no column
    // count check (a short or long row is a problem of its line, not an exception), and no quoting: a field is exactly
    // what stands between two ';', as the contract says.
    private static readonly SepReaderOptions s_sep = new(new Sep(';'))
    {
        HasHeader = false,
        DisableColCountCheck = true,
        DisableQuotesParsing = true,
    };

    private readonly string _header;
    private readonly bool _holdsBsn;

    private protected ReferenceCsvParser(string fileName, string[] columns, bool holdsBsn)
    {
        FileName = fileName;
        Columns = columns;
        _header = string.Join(';', columns);
        _holdsBsn = holdsBsn;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Reads the file from bytes as UTF-8 (a leading byte order mark is allowed); invalid UTF-8 is a problem.</summary>
    public ParseResult<TRow> Parse(Stream stream)
    {
        using var reader = new StreamReader(stream, s_utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return Parse(reader);
    }

    public ParseResult<TRow> Parse(TextReader reader)
    {
        var problems = new ProblemCollector(FileName, MaxProblemsKept);
        var rows = new List<Numbered<TRow>>();
        using var sep = s_sep.From(new LineLengthLimit(reader, MaxLineLength));

        // With quotes off a row is exactly one line, so the line number is counted here: the header is line 1.
        if (!sep.MoveNext())
        {
            problems.Add(1, "header", "missing (the file is empty)");
            return Result(rows, problems);
        }

        // Spreadsheet exports start with a byte order mark; it is not part of the first column's name. Sep does not take
        // it off a TextReader, and the StreamReader of Parse(Stream) leaves it in the text (its encoding has no preamble).
        var header = sep.Current.Span;
        if (header.StartsWith('\uFEFF'))
        {
            header = header[1..];
        }

        // An overlong header arrives cut to MaxLineLength + 1 characters, which is never the expected header either.
        if (!header.SequenceEqual(_header))
        {
            // The line is not echoed: in maz.csv and meerzorg.csv a missing header means line 1 is a client's row.
            problems.Add(1, "header", $"expected {_header}");
            return Result(rows, problems);
        }

        var row = new CsvRow(problems, Columns, echoValues: !_holdsBsn);
        var number = 1;
        while (sep.MoveNext())
        {
            number++;
            var fields = sep.Current;
            var line = fields.Span;
            if (line.Length > MaxLineLength)
            {
                problems.Add(number, "row", $"longer than {MaxLineLength} characters");
                continue;
            }

            if (line.Length == 0)
            {
                problems.Add(number, "row", "empty line");
                continue;
            }

            // The decoder replaced bytes that are not UTF-8 with U+FFFD.
            if (line.Contains('\uFFFD'))
            {
                problems.Add(number, "row", "not valid UTF-8");
                continue;
            }

            if (fields.ColCount != Columns.Count)
            {
                problems.Add(number, "row", $"expected {Columns.Count} fields, found {fields.ColCount}");
                continue;
            }

            row.Reset(number, fields);
            ParseFields(row, rows);
        }

        CheckFile(rows, new FileChecks(problems));
        return Result(rows, problems);
    }

    /// <summary>
    /// The same checks on rows that come from another format (the koppeltabel spreadsheet): each row's fields already in
    /// this file's column order and spelling, named in problems by <paramref name="columnNames"/> and numbered by the
    /// source's own row numbers. Problems the source's reader found itself are already in <paramref name="problems"/>.
    /// </summary>
    internal ParseResult<TRow> ParseRows(
        IEnumerable<(int Line, string[] Fields)> source, IReadOnlyList<string> columnNames, ProblemCollector problems, string fileName)
    {
        var rows = new List<Numbered<TRow>>();
        var row = new CsvRow(problems, columnNames, echoValues: !_holdsBsn);
        foreach (var (line, fields) in source)
        {
            row.Reset(line, fields);
            ParseFields(row, rows);
        }

        CheckFile(rows, new FileChecks(problems));
        return new ParseResult<TRow>(fileName, rows.Select(r => r.Row).ToArray(), problems.InLineOrder(), problems.Count);
    }

    private void ParseFields(CsvRow row, List<Numbered<TRow>> rows)
    {
        var parsed = ParseRow(row);
        if (parsed is not null && !row.HasProblems)
        {
            rows.Add(new Numbered<TRow>(parsed, row.Line));
        }
    }

    IReferenceFileResult IReferenceCsvParser.Parse(TextReader reader) => Parse(reader);

    /// <summary>Reads the fields of one row, reporting each bad one; returns null when any was bad.</summary>
    private protected abstract TRow? ParseRow(CsvRow row);

    /// <summary>The checks across rows of this file (duplicate keys, overlapping periods).</summary>
    private protected abstract void CheckFile(IReadOnlyList<Numbered<TRow>> rows, FileChecks checks);

    private ParseResult<TRow> Result(List<Numbered<TRow>> rows, ProblemCollector problems) =>
        new(FileName, rows.Select(r => r.Row).ToArray(), problems.InLineOrder(), problems.Count);
}
