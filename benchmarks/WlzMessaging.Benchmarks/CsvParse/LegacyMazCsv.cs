using System.Globalization;
using System.Text;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Benchmarks.CsvParse;

/// <summary>
/// The hand-written reading of maz.csv as it stood before Sep (commit a58f386 of src/WlzMessaging.Reference/Csv: LineReader,
/// the string[] CsvRow, ReferenceCsvParser.Parse and MazCsv.ParseRow), kept here only as the "old" side of the A/B in
/// <see cref="CsvParseComparison"/>. Trimmed to the members maz.csv uses; the checks across rows (FileChecks) and the
/// problem collection are the library's own, shared by both sides.
/// </summary>
internal static class LegacyMazCsv
{
    private const int MaxLineLength = ReferenceCsvParser<MazRow>.MaxLineLength;
    private const string Header = "bsn;agb;begindatum;einddatum";
    private static readonly string[] s_columns = ["bsn", "agb", "begindatum", "einddatum"];
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static ParseResult<MazRow> Parse(Stream stream)
    {
        using var reader = new StreamReader(stream, s_utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return Parse(reader);
    }

    public static ParseResult<MazRow> Parse(TextReader reader)
    {
        var problems = new ProblemCollector("maz.csv", ReferenceCsvParser<MazRow>.MaxProblemsKept);
        var rows = new List<Numbered<MazRow>>();
        var lines = new LineReader(reader, MaxLineLength);

        if (!lines.TryRead(out var header, out var headerTooLong))
        {
            problems.Add(1, "header", "missing (the file is empty)");
            return Result(rows, problems);
        }

        if (header.StartsWith('\uFEFF'))
        {
            header = header[1..];
        }

        if (headerTooLong || header != Header)
        {
            problems.Add(1, "header", $"expected {Header}");
            return Result(rows, problems);
        }

        var row = new Row(problems, s_columns);
        while (lines.TryRead(out var line, out var tooLong))
        {
            var number = lines.LineNumber;
            if (tooLong)
            {
                problems.Add(number, "row", $"longer than {MaxLineLength} characters");
                continue;
            }

            if (line.Length == 0)
            {
                problems.Add(number, "row", "empty line");
                continue;
            }

            if (line.Contains('\uFFFD', StringComparison.Ordinal))
            {
                problems.Add(number, "row", "not valid UTF-8");
                continue;
            }

            var fields = line.Split(';');
            if (fields.Length != s_columns.Length)
            {
                problems.Add(number, "row", $"expected {s_columns.Length} fields, found {fields.Length}");
                continue;
            }

            row.Reset(number, fields);
            var bsn = row.Bsn(0);
            var agb = row.Agb(1);
            var begindatum = row.Date(2);
            var einddatum = row.OptionalDate(3);
            row.EndNotBeforeBegin(2, begindatum, 3, einddatum);
            if (!row.HasProblems)
            {
                rows.Add(new Numbered<MazRow>(new MazRow(bsn, agb, begindatum, einddatum), number));
            }
        }

        new FileChecks(problems).Unique(rows, r => (r.Bsn, r.Agb, r.Begindatum), "bsn,agb,begindatum");
        return Result(rows, problems);
    }

    /// <summary>The reading alone: every line after the header split into its fields, no checks; the total field length.</summary>
    public static long SplitOnly(Stream stream)
    {
        using var reader = new StreamReader(stream, s_utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var lines = new LineReader(reader, MaxLineLength);
        long length = 0;
        lines.TryRead(out _, out _);
        while (lines.TryRead(out var line, out _))
        {
            foreach (var field in line.Split(';'))
            {
                length += field.Length;
            }
        }

        return length;
    }

    private static ParseResult<MazRow> Result(List<Numbered<MazRow>> rows, ProblemCollector problems) =>
        new("maz.csv", rows.Select(r => r.Row).ToArray(), problems.InLineOrder(), problems.Count);

    private sealed class LineReader(TextReader reader, int maxLength)
    {
        private readonly StringBuilder _line = new();

        public int LineNumber { get; private set; }

        public bool TryRead(out string line, out bool tooLong)
        {
            line = string.Empty;
            tooLong = false;
            var c = reader.Read();
            if (c < 0)
            {
                return false;
            }

            LineNumber++;
            _line.Clear();
            while (c >= 0 && c != '\n' && c != '\r')
            {
                if (_line.Length < maxLength)
                {
                    _line.Append((char)c);
                }
                else
                {
                    tooLong = true;
                }

                c = reader.Read();
            }

            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            line = tooLong ? string.Empty : _line.ToString();
            return true;
        }
    }

    // maz.csv holds BSNs, so the old CsvRow never echoed a value for it; Report is that path only.
    private sealed class Row(ProblemCollector problems, string[] columns)
    {
        private string[] _fields = [];
        private ulong _failedColumns;

        public int Line { get; private set; }

        public bool HasProblems => _failedColumns != 0;

        public void Reset(int line, string[] fields)
        {
            Line = line;
            _fields = fields;
            _failedColumns = 0;
        }

        private void Report(int column, string problem)
        {
            _failedColumns |= 1UL << column;
            problems.Add(Line, columns[column], problem);
        }

        private bool IsMissing(int column)
        {
            if (_fields[column].Length > 0)
            {
                return false;
            }

            Report(column, "missing");
            return true;
        }

        public int Agb(int column)
        {
            if (IsMissing(column))
            {
                return 0;
            }

            var field = _fields[column];
            if (field.Length != 8 || !AllDigits(field))
            {
                Report(column, "not 8 digits");
                return 0;
            }

            return int.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        public int Bsn(int column)
        {
            if (IsMissing(column))
            {
                return 0;
            }

            var field = _fields[column];
            if (field.Length != 9 || !AllDigits(field))
            {
                Report(column, "not 9 digits");
                return 0;
            }

            var bsn = int.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
            if (!Elfproef.IsValidBsn(bsn))
            {
                Report(column, "fails the elfproef");
                return 0;
            }

            return bsn;
        }

        public DateOnly Date(int column) => IsMissing(column) ? default : ParseDate(column);

        public DateOnly? OptionalDate(int column) => _fields[column].Length == 0 ? null : ParseDate(column);

        private DateOnly ParseDate(int column)
        {
            var field = _fields[column];
            var shaped = field.Length == 10 && field[4] == '-' && field[7] == '-'
                && AllDigits(field.AsSpan(0, 4)) && AllDigits(field.AsSpan(5, 2)) && AllDigits(field.AsSpan(8, 2));
            if (!shaped || !DateOnly.TryParseExact(field, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Report(column, "not a date YYYY-MM-DD");
                return default;
            }

            return date;
        }

        public void EndNotBeforeBegin(int beginColumn, DateOnly begin, int endColumn, DateOnly? end)
        {
            var bothRead = (_failedColumns & ((1UL << beginColumn) | (1UL << endColumn))) == 0;
            if (bothRead && end < begin)
            {
                Report(endColumn, $"before {columns[beginColumn]}");
            }
        }

        private static bool AllDigits(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
