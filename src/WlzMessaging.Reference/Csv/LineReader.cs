using System.Text;

namespace WlzMessaging.Reference.Csv;

/// <summary>
/// Reads lines (ended by LF, CR LF or CR) with a bound on their length, so that a file without line breaks cannot grow one
/// string until memory runs out; the rest of an overlong line is skipped.
/// </summary>
internal sealed class LineReader(TextReader reader, int maxLength)
{
    private readonly StringBuilder _line = new();

    /// <summary>The 1-based number of the line last read.</summary>
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
