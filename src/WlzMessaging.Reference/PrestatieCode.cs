using System.Runtime.CompilerServices;

namespace WlzMessaging.Reference;

/// <summary>
/// A prestatiecode (AW319 field 0417, AN 5) packed into one <see cref="ulong"/>, so that hash lookups on the hot path
/// compare one number instead of a string and nothing is allocated per line.
/// </summary>
/// <remarks>
/// Byte i of the code sits in bits (4 − i) × 8, and unused positions are 0. A code never holds byte 0, so the packing is
/// unambiguous, and comparing the packed numbers orders codes like an ordinal string comparison.
/// </remarks>
public readonly struct PrestatieCode : IEquatable<PrestatieCode>, IComparable<PrestatieCode>
{
    /// <summary>The width of the AW319 field.</summary>
    public const int MaxLength = 5;

    private PrestatieCode(ulong packed) => Packed = packed;

    /// <summary>The code whose <see cref="Packed"/> is <paramref name="packed"/>: for tables that keep codes as numbers.</summary>
    public static PrestatieCode FromPacked(ulong packed) => new(packed);

    /// <summary>The code as a number; 0 for the empty code.</summary>
    public ulong Packed { get; }

    /// <summary>True for the code of a field that held only spaces.</summary>
    public bool IsEmpty => Packed == 0;

    /// <summary>
    /// Packs the bytes of an AW319 field as they are, after dropping the spaces that pad it on the right. Nothing is checked
    /// beyond the length: a code with odd bytes simply finds nothing in the koppeltabel (retourcode 0582).
    /// </summary>
    /// <exception cref="ArgumentException">More than 5 bytes remain after trimming: a caller's slicing error, not data.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PrestatieCode FromAscii(ReadOnlySpan<byte> field)
    {
        var length = field.Length;
        while (length > 0 && field[length - 1] == (byte)' ')
        {
            length--;
        }

        if (length > MaxLength)
        {
            ThrowTooLong();
        }

        ulong packed = 0;
        for (var i = 0; i < length; i++)
        {
            packed |= (ulong)field[i] << ((MaxLength - 1 - i) * 8);
        }

        return new PrestatieCode(packed);
    }

    /// <summary>
    /// Reads a code as the reference data writes it: 1 to 5 characters, each an upper-case letter A-Z or a digit.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PrestatieCode code)
    {
        code = default;
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        ulong packed = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }

            packed |= (ulong)c << ((MaxLength - 1 - i) * 8);
        }

        code = new PrestatieCode(packed);
        return true;
    }

    /// <summary>Reads a code that is known to be valid, e.g. one read back from storage.</summary>
    /// <exception cref="FormatException">The text is not 1 to 5 characters A-Z or 0-9.</exception>
    public static PrestatieCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException("Not a prestatiecode (1 to 5 characters A-Z or 0-9).");

    public bool Equals(PrestatieCode other) => Packed == other.Packed;

    public override bool Equals(object? obj) => obj is PrestatieCode other && Equals(other);

    public override int GetHashCode() => Packed.GetHashCode();

    public int CompareTo(PrestatieCode other) => Packed.CompareTo(other.Packed);

    /// <summary>The code's first character (Z for a ZZP with verblijf, V for a VPT), or '\0' for the empty code.</summary>
    public char FirstLetter => (char)(byte)(Packed >> ((MaxLength - 1) * 8));

    /// <summary>The code's text, each byte read as Latin-1 (the AW319 is a single-byte file).</summary>
    public override string ToString()
    {
        Span<char> chars = stackalloc char[MaxLength];
        var length = 0;
        for (var i = 0; i < MaxLength; i++)
        {
            var b = unchecked((byte)(Packed >> ((MaxLength - 1 - i) * 8))); // the low byte, the rest cut off
            if (b == 0)
            {
                break;
            }

            chars[length++] = (char)b;
        }

        return new string(chars[..length]);
    }

    public static bool operator ==(PrestatieCode left, PrestatieCode right) => left.Equals(right);

    public static bool operator !=(PrestatieCode left, PrestatieCode right) => !left.Equals(right);

    public static bool operator <(PrestatieCode left, PrestatieCode right) => left.Packed < right.Packed;

    public static bool operator <=(PrestatieCode left, PrestatieCode right) => left.Packed <= right.Packed;

    public static bool operator >(PrestatieCode left, PrestatieCode right) => left.Packed > right.Packed;

    public static bool operator >=(PrestatieCode left, PrestatieCode right) => left.Packed >= right.Packed;

    private static void ThrowTooLong() =>
        throw new ArgumentException("A prestatiecode is at most 5 bytes after trimming the padding spaces.", "field");
}
