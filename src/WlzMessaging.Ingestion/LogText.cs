using System.Globalization;
using System.Text;

namespace WlzMessaging.Ingestion;

/// <summary>
/// A value that came from outside (a file name, a header, a reference cell) made safe for one log line: control characters
/// (C0, DEL, C1: an ANSI escape could recolour or rewrite an operator's terminal), line and paragraph separators, and the
/// invisible format characters (bidi overrides, zero-width) are written as escapes, and so is the backslash itself, so the
/// escaped text reads back to exactly one original. Everything else is kept as it is. Bytes that are not UTF-8 (a name
/// written by a client in another encoding) are shown byte by byte as <c>\xNN</c>.
/// </summary>
public static class LogText
{
    /// <summary>The value with every unsafe character escaped (<c>\x1B</c>, <c>\u{202E}</c>, <c>\\</c>); null shows as empty.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value) || !NeedsEscaping(value))
        {
            return value ?? "";
        }

        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                Append(text, c);
            }
        }

        return text.ToString();
    }

    /// <summary>Raw bytes (a name as the file system holds it): UTF-8 where it is, <c>\xNN</c> for each byte where it is not.</summary>
    public static string Escape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length + 16);
        while (!raw.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(raw, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (rune.IsBmp)
                {
                    Append(text, (char)rune.Value);
                }
                else
                {
                    text.Append(rune.ToString());
                }
            }
            else
            {
                consumed = Math.Max(1, consumed);
                for (var i = 0; i < consumed; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\x{raw[i]:X2}");
                }
            }

            raw = raw[consumed..];
        }

        return text.ToString();
    }

    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (IsUnsafe(c) || c == '\\' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder text, char c)
    {
        if (c == '\\')
        {
            text.Append(@"\\");
        }
        else if (c < 0x100 && IsUnsafe(c))
        {
            text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
        }
        else if (IsUnsafe(c) || char.IsSurrogate(c))
        {
            text.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}");
        }
        else
        {
            text.Append(c);
        }
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
