using System.Collections.Immutable;
using System.Globalization;
using nietras.SeparatedValues;

namespace WlzMessaging.Reference.Csv;

/// <summary>
/// The fields of one data row, with readers that check a field, report what is wrong with it and return a placeholder,
/// so that one pass over the row finds every problem in it. The row is reused for every line of a file: its fields are
/// copied into one buffer and checked as spans, so no field becomes a string unless it is kept as text.
/// </summary>
internal sealed class CsvRow(ProblemCollector problems, IReadOnlyList<string> columns, bool echoValues)
{
    private const int EchoLength = 40;

    // The fields one after another; field c ends at _ends[c] and starts where field c - 1 ends.
    private char[] _chars = new char[256];
    private readonly int[] _ends = new int[columns.Count];

    // One bit per column that had a problem: a check across columns (einddatum ≥ begindatum) runs only on good fields.
    private ulong _failedColumns;

    public int Line { get; private set; }

    public bool HasProblems => _failedColumns != 0;

    /// <summary>A row as Sep split it; its field count is that of the columns (the parser checked).</summary>
    public void Reset(int line, SepReader.Row fields)
    {
        Begin(line, fields.Span.Length);
        var length = 0;
        for (var c = 0; c < _ends.Length; c++)
        {
            var field = fields[c].Span;
            field.CopyTo(_chars.AsSpan(length));
            length += field.Length;
            _ends[c] = length;
        }
    }

    /// <summary>A row from another source (the koppeltabel spreadsheet), one string a column.</summary>
    public void Reset(int line, string[] fields)
    {
        var total = 0;
        foreach (var field in fields)
        {
            total += field.Length;
        }

        Begin(line, total);
        var length = 0;
        for (var c = 0; c < _ends.Length; c++)
        {
            fields[c].CopyTo(_chars.AsSpan(length));
            length += fields[c].Length;
            _ends[c] = length;
        }
    }

    private void Begin(int line, int length)
    {
        Line = line;
        _failedColumns = 0;
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }
    }

    public ReadOnlySpan<char> Field(int column)
    {
        var start = column == 0 ? 0 : _ends[column - 1];
        return _chars.AsSpan(start, _ends[column] - start);
    }

    /// <summary>
    /// Reports a problem with a field and, where the file holds no BSN, the field's value. A file with a bsn column never
    /// echoes any value: a shifted row could put a BSN in any column.
    /// </summary>
    public void Report(int column, string problem)
    {
        _failedColumns |= 1UL << column;
        var value = Field(column);
        if (echoValues && value.Length > 0)
        {
            var shown = value.Length <= EchoLength ? value.ToString() : string.Concat(value[..EchoLength], "…");
            problem = $"{problem}: \"{shown}\"";
        }

        problems.Add(Line, columns[column], problem);
    }

    private bool IsMissing(int column)
    {
        if (Field(column).Length > 0)
        {
            return false;
        }

        Report(column, "missing");
        return true;
    }

    public string Text(int column, bool required)
    {
        if (required && IsMissing(column))
        {
            return string.Empty;
        }

        return Field(column).ToString();
    }

    public int Agb(int column) => FixedDigits(column, 8, "not 8 digits");

    /// <summary>A BSN: 9 digits passing the elfproef. The messages never hold the value.</summary>
    public int Bsn(int column)
    {
        if (IsMissing(column))
        {
            return 0;
        }

        var field = Field(column);
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

    public int FixedDigits(int column, int count, string problem)
    {
        if (IsMissing(column))
        {
            return 0;
        }

        var field = Field(column);
        if (field.Length != count || !AllDigits(field))
        {
            Report(column, problem);
            return 0;
        }

        return int.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public int Jaar(int column) => Bounded(column, 2000, 2100, 4, "not a year 2000-2100");

    public int Maand(int column) => Bounded(column, 1, 12, 2, "not a month 1-12");

    private int Bounded(int column, int min, int max, int maxDigits, string problem)
    {
        if (IsMissing(column))
        {
            return 0;
        }

        var field = Field(column);
        if (field.Length > maxDigits || !AllDigits(field))
        {
            Report(column, problem);
            return 0;
        }

        var value = int.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value < min || value > max)
        {
            Report(column, problem);
            return 0;
        }

        return value;
    }

    public DateOnly Date(int column) => IsMissing(column) ? default : ParseDate(column);

    public DateOnly? OptionalDate(int column) => Field(column).Length == 0 ? null : ParseDate(column);

    private DateOnly ParseDate(int column)
    {
        var field = Field(column);

        // The shape first: DateOnly's own parser would also take single-digit months or days.
        var shaped = field.Length == 10 && field[4] == '-' && field[7] == '-'
            && AllDigits(field[..4]) && AllDigits(field.Slice(5, 2)) && AllDigits(field.Slice(8, 2));
        if (!shaped || !DateOnly.TryParseExact(field, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Report(column, "not a date YYYY-MM-DD");
            return default;
        }

        return date;
    }

    /// <summary>Reports an end before its begin, when both dates were read without a problem.</summary>
    public void EndNotBeforeBegin(int beginColumn, DateOnly begin, int endColumn, DateOnly? end)
    {
        var bothRead = (_failedColumns & ((1UL << beginColumn) | (1UL << endColumn))) == 0;
        if (bothRead && end < begin)
        {
            Report(endColumn, $"before {columns[beginColumn]}");
        }
    }

    /// <summary>An amount in eurocents: digits only, at most 15 of them, not negative.</summary>
    public long Cents(int column) => WholeNumber(column, "not a whole number of cents");

    /// <summary>A count (aantal): digits only, not negative.</summary>
    public long Count(int column) => WholeNumber(column, "not a whole number");

    public long PositiveCents(int column)
    {
        var failedBefore = _failedColumns;
        var cents = Cents(column);
        if (_failedColumns == failedBefore && cents == 0)
        {
            Report(column, "must be more than 0");
        }

        return cents;
    }

    private long WholeNumber(int column, string problem)
    {
        if (IsMissing(column))
        {
            return 0;
        }

        var field = Field(column);
        var negative = field.Length > 1 && field[0] == '-';
        var digits = negative ? field[1..] : field;
        if (digits.Length > 15 || !AllDigits(digits))
        {
            Report(column, problem);
            return 0;
        }

        if (negative)
        {
            Report(column, "must not be negative");
            return 0;
        }

        return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public PrestatieCode Prestatiecode(int column)
    {
        if (IsMissing(column))
        {
            return default;
        }

        if (!PrestatieCode.TryParse(Field(column), out var code))
        {
            Report(column, "not 1-5 characters A-Z or 0-9");
            return default;
        }

        return code;
    }

    /// <summary>
    /// A <c>,</c>-separated list of codes of <paramref name="digits"/> digits each; empty is the empty list. The result is
    /// ascending without repeats: the list is a set of allowed codes, and a normal form makes rows comparable.
    /// </summary>
    public ImmutableArray<int> CodeList(int column, int digits)
    {
        var field = Field(column);
        if (field.Length == 0)
        {
            return [];
        }

        var codes = new SortedSet<int>();
        var rest = field;
        for (var number = 1; ; number++)
        {
            var comma = rest.IndexOf(',');
            var item = comma < 0 ? rest : rest[..comma];
            if (item.Length != digits || !AllDigits(item))
            {
                Report(column, $"item {number} is not {digits} digits");
                return [];
            }

            codes.Add(int.Parse(item, NumberStyles.None, CultureInfo.InvariantCulture));
            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        return [.. codes];
    }

    /// <summary>One of a fixed set of spellings, compared exactly (case matters: the contract names the spelling).</summary>
    public T Choice<T>(int column, string problem, params ReadOnlySpan<(string Text, T Value)> choices)
        where T : struct
    {
        if (IsMissing(column))
        {
            return default;
        }

        foreach (var (text, value) in choices)
        {
            if (Field(column).SequenceEqual(text))
            {
                return value;
            }
        }

        Report(column, problem);
        return default;
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
