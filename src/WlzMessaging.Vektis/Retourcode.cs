namespace WlzMessaging.Vektis;

/// <summary>
/// A Vektis retourcode (code list COD954): four digits in the AW320 that tell the provider what was found.
/// Held as a number so it costs nothing to pass around; written as four digits.
/// </summary>
public readonly record struct Retourcode(ushort Value)
{
    /// <summary>True for a real code; <c>default</c> means "no code" (an empty slot in the AW320).</summary>
    /// <remarks>0000 is not a code in COD954, so the default value can stand for "no code".</remarks>
    public bool IsSet => Value != 0;

    public override string ToString() => Value.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes the four digits into <paramref name="destination"/> (at least 4 bytes).</summary>
    public void Format(Span<byte> destination)
    {
        var v = Value;
        destination[3] = (byte)('0' + v % 10);
        v /= 10;
        destination[2] = (byte)('0' + v % 10);
        v /= 10;
        destination[1] = (byte)('0' + v % 10);
        destination[0] = (byte)('0' + v / 10);
    }

    /// <summary>Parses four digits; anything else (spaces included) is "no code".</summary>
    public static bool TryParse(ReadOnlySpan<byte> digits, out Retourcode code)
    {
        code = default;
        if (digits.Length != 4 || !Numeric.TryParse(digits, out var value) || value == 0)
        {
            return false;
        }

        code = new Retourcode((ushort)value);
        return true;
    }
}
