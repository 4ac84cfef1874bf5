using System.Buffers.Binary;
using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> field, out long value)
    {
        // Amounts and dates (8 positions) and counts and codes (4) inline at the caller; the JIT knows a field's length
        // there when its FieldSpec is a static readonly, and then keeps only one branch.
        if (field.Length == 8 && TryParseEight(BinaryPrimitives.ReadUInt64LittleEndian(field), out var eight))
        {
            value = (long)eight;
            return true;
        }

        if (field.Length == 4 && TryParseFour(BinaryPrimitives.ReadUInt32LittleEndian(field), out var four))
        {
            value = four;
            return true;
        }

        return TryParseAnyLength(field, out value);
    }

    private static bool TryParseAnyLength(ReadOnlySpan<byte> field, out long value)
    {
        if (field.IsEmpty || field.Length > 18)
        {
            value = 0;
            return false;
        }

        // Eight and four digits at a time in one register (SWAR): amounts, dates and BSNs are 8-9 positions, and a
        // digit-by-digit loop with its compare and multiply per byte cost the handlers most of their time.
        ulong result = 0;
        while (field.Length >= 8)
        {
            if (!TryParseEight(BinaryPrimitives.ReadUInt64LittleEndian(field), out var eight))
            {
                value = 0;
                return false;
            }

            result = (result * 100_000_000) + eight;
            field = field[8..];
        }

        if (field.Length >= 4)
        {
            if (!TryParseFour(BinaryPrimitives.ReadUInt32LittleEndian(field), out var four))
            {
                value = 0;
                return false;
            }

            result = (result * 10_000) + four;
            field = field[4..];
        }

        foreach (var b in field)
        {
            var digit = unchecked((uint)(b - '0')); // unchecked: a byte below '0' wraps to a large number, so one comparison tests 0-9
            if (digit > 9)
            {
                value = 0;
                return false;
            }

            result = (result * 10) + digit;
        }

        value = (long)result;
        return true;
    }

    /// <summary>Eight ASCII digits read little-endian (the first digit in the lowest byte) as their value, 0-99,999,999.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseEight(ulong chars, out ulong value)
    {
        // SWAR: all arithmetic here is modulo 2^64 on purpose (a borrow out of the lowest byte, products whose high part
        // is dropped), so it is unchecked, also in Debug builds.
        unchecked
        {
            // Every byte minus '0' must be 0-9. A byte below '0' borrows and sets its high bit; one above '9' sets the high
            // bit once 0x76 is added. Only the lowest bad byte needs to show: below it nothing borrows or carries.
            var digits = chars - 0x3030_3030_3030_3030UL;
            if (((digits | (digits + 0x7676_7676_7676_7676UL)) & 0x8080_8080_8080_8080UL) != 0)
            {
                value = 0;
                return false;
            }

            // Pairs (10a + b in every other byte), then quads (100ab + cd in every other 16 bits), then 10000abcd + efgh.
            digits = (digits * 10) + (digits >> 8);
            digits = ((digits & 0x00FF_00FF_00FF_00FFUL) * ((100UL << 16) + 1)) >> 16;
            value = ((digits & 0x0000_FFFF_0000_FFFFUL) * ((10_000UL << 32) + 1)) >> 32;
            return true;
        }
    }

    /// <summary>Four ASCII digits read little-endian as their value, 0-9,999; the same steps as <see cref="TryParseEight"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseFour(uint chars, out uint value)
    {
        unchecked
        {
            var digits = chars - 0x3030_3030u;
            if (((digits | (digits + 0x7676_7676u)) & 0x8080_8080u) != 0)
            {
                value = 0;
                return false;
            }

            digits = (digits * 10) + (digits >> 8);
            value = ((digits & 0xFF) * 100) + ((digits >> 16) & 0xFF);
            return true;
        }
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
