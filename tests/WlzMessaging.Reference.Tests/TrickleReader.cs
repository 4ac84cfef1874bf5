namespace WlzMessaging.Reference.Tests;

/// <summary>A reader that returns at most <c>chunk</c> characters a read, so that line ends fall across reads.</summary>
internal sealed class TrickleReader(string text, int chunk) : TextReader
{
    private int _position;

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(Math.Min(chunk, buffer.Length), text.Length - _position);
        text.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        return _position < text.Length ? text[_position++] : -1;
    }

    public override int Peek() => _position < text.Length ? text[_position] : -1;
}
