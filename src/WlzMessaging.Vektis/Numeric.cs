namespace WlzMessaging.Vektis;

/// <summary>
/// Numbers straight from the bytes of an N field: right-aligned, zero-padded ASCII digits. No string, no culture.
/// </summary>
public static class Numeric
{
    /// <summary>
    /// Parses an all-digit field of at most 18 positions. Spaces, signs or any other byte make it fail:
    /// an N field must hold digits only.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> field, out long value)
    {
        long result = 0;
        if (field.IsEmpty || field.Length > 18)
        {
            value = 0;
            return false;
        }

        foreach (var b in field)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                value = 0;
                return false;
            }

            result = result * 10 + digit;
        }

        value = result;
        return true;
    }

    /// <summary>True when every byte is an ASCII digit.</summary>
    public static bool IsDigits(ReadOnlySpan<byte> field) =>
        !field.IsEmpty && !field.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    /// <summary>Writes <paramref name="value"/> right-aligned and zero-padded into the whole of <paramref name="destination"/>.</summary>
    /// <returns>False when the value is negative or does not fit; the destination then holds only its low digits.</returns>
    public static bool TryFormat(long value, Span<byte> destination)
    {
        if (value < 0)
        {
            return false;
        }

        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }

        return value == 0;
    }
}
