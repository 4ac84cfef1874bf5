namespace WlzMessaging.Reference.Csv;

/// <summary>
/// Passes text through, except that of a line longer than <c>maxLength</c> characters only the first <c>maxLength + 1</c>
/// get through and the rest of the line is dropped (line ends are LF, CR LF or CR, as Sep reads them). The reader after it
/// sees the line as too long by its length alone, and never holds more of it.
/// </summary>
/// <remarks>
/// Sep has no bound of its own below 16 M characters a row, and past that it throws: a file without line breaks would grow
/// its buffer to 32 MB and then stop the whole file. With this in front, an overlong line is one problem on its own line
/// and the next line is read as before. The cost is one vectorised scan for line ends; nothing is copied unless a line is cut.
/// </remarks>
internal sealed class LineLengthLimit(TextReader inner, int maxLength) : TextReader
{
    // Characters of the current line passed on so far, at most maxLength + 1.
    private int _lineLength;

    public override int Read(Span<char> buffer)
    {
        while (true)
        {
            var read = inner.Read(buffer);
            if (read == 0)
            {
                return 0;
            }

            var kept = Cut(buffer[..read]);
            if (kept > 0)
            {
                return kept;
            }

            // All of it was the dropped rest of an overlong line; 0 would mean the end of the text, so read on.
        }
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <summary>Drops, in place, what lies beyond the limit of each line in <paramref name="chars"/>; returns what is left.</summary>
    private int Cut(Span<char> chars)
    {
        var kept = 0;
        var i = 0;
        while (i < chars.Length)
        {
            var end = chars[i..].IndexOfAny('\r', '\n');
            var length = end < 0 ? chars.Length - i : end;
            var keep = Math.Min(length, maxLength + 1 - _lineLength);
            if (kept != i)
            {
                chars.Slice(i, keep).CopyTo(chars[kept..]);
            }

            kept += keep;
            _lineLength += keep;
            i += length;
            if (end >= 0)
            {
                chars[kept++] = chars[i++];
                _lineLength = 0;
            }
        }

        return kept;
    }
}
