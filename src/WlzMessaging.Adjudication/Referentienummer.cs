using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace WlzMessaging.Adjudication;

/// <summary>
/// AW319 0431 REFERENTIENUMMER DIT PRESTATIERECORD or 0432 REFERENTIENUMMER VOORGAANDE GERELATEERDE PRESTATIERECORD: the
/// provider's 20-position reference of a declaration line, held as its 20 bytes in two <see cref="ulong"/>s and a
/// <see cref="uint"/>, so that it is a key without a string and compares in three instructions.
/// </summary>
/// <remarks>
/// The bytes are kept as sent, right padding included; a field of spaces only is the empty reference (0432 on a debit line),
/// which is <c>default</c>. Text from storage is padded the same way (<see cref="FromText"/>), so "REF1" read back from a
/// database column equals the field "REF1" followed by 16 spaces.
/// </remarks>
public readonly struct Referentienummer : IEquatable<Referentienummer>
{
    /// <summary>The width of fields 0431 and 0432.</summary>
    public const int Length = 20;

    private const ulong EightSpaces = 0x2020202020202020;
    private const uint FourSpaces = 0x20202020;

    private readonly ulong _head;
    private readonly ulong _middle;
    private readonly uint _tail;

    private Referentienummer(ulong head, ulong middle, uint tail)
    {
        // All spaces is "no reference": normalise to default so that an empty field and default(T) are one value.
        if (head == EightSpaces && middle == EightSpaces && tail == FourSpaces)
        {
            return;
        }

        _head = head;
        _middle = middle;
        _tail = tail;
    }

    /// <summary>True for a field of spaces only (no reference given).</summary>
    public bool IsEmpty => (_head | _middle | _tail) == 0;

    // The three words as stored, for the prepass's set that keeps references as columns rather than as structs.
    internal ulong Head => _head;

    internal ulong Middle => _middle;

    internal uint Tail => _tail;

    /// <summary>Back from the words of <see cref="Head"/>, <see cref="Middle"/> and <see cref="Tail"/> (already normalised).</summary>
    internal static Referentienummer FromWords(ulong head, ulong middle, uint tail) => new(head, middle, tail);

    /// <summary>
    /// A 64-bit hash of the 20 bytes for the open-addressing tables of the prepass: multiply and fold, so that references
    /// that differ only in their last digits (the common case: counters) still spread over the whole table.
    /// </summary>
    internal static ulong Hash(ulong head, ulong middle, uint tail)
    {
        // The products wrap modulo 2^64 on purpose: that is the mixing.
        unchecked
        {
            var h = (head * 0x9E3779B97F4A7C15UL) ^ middle;
            h = (h * 0xC2B2AE3D27D4EB4FUL) ^ tail;
            h *= 0x165667B19E3779F9UL;
            return h ^ (h >> 29);
        }
    }

    /// <summary>Reads the 20 bytes of an AW319 field (a shorter span is padded with spaces, as the field would be).</summary>
    /// <exception cref="ArgumentException">More than 20 bytes: a caller's slicing error, not data.</exception>
    public static Referentienummer FromField(ReadOnlySpan<byte> field)
    {
        if (field.Length == Length)
        {
            return new Referentienummer(
                BinaryPrimitives.ReadUInt64LittleEndian(field),
                BinaryPrimitives.ReadUInt64LittleEndian(field[8..]),
                BinaryPrimitives.ReadUInt32LittleEndian(field[16..]));
        }

        return FromShortField(field);
    }

    // Apart, so that the stack buffer does not cost the common 20-byte case its inlining (the profile showed it).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Referentienummer FromShortField(ReadOnlySpan<byte> field)
    {
        if (field.Length > Length)
        {
            throw new ArgumentException("A referentienummer field is 20 bytes.", nameof(field));
        }

        Span<byte> padded = stackalloc byte[Length];
        padded.Fill((byte)' ');
        field.CopyTo(padded);
        return FromField(padded);
    }

    /// <summary>
    /// Reads a reference as storage holds it: up to 20 Latin-1 characters, right padding optional.
    /// </summary>
    /// <exception cref="ArgumentException">Longer than 20 characters, or a character outside Latin-1.</exception>
    public static Referentienummer FromText(ReadOnlySpan<char> text)
    {
        if (!TryFromText(text, out var value))
        {
            throw new ArgumentException("A referentienummer is at most 20 Latin-1 characters.", nameof(text));
        }

        return value;
    }

    /// <summary>As <see cref="FromText"/>; false instead of an exception.</summary>
    public static bool TryFromText(ReadOnlySpan<char> text, out Referentienummer value)
    {
        value = default;
        if (text.Length > Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        bytes.Fill((byte)' ');
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is < ' ' or > '\u00FF')
            {
                return false;
            }

            bytes[i] = (byte)text[i];
        }

        value = FromField(bytes);
        return true;
    }

    /// <summary>Writes the 20 bytes of the field (spaces for the empty reference).</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("A referentienummer needs 20 bytes.", nameof(destination));
        }

        if (IsEmpty)
        {
            destination[..Length].Fill((byte)' ');
            return;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(destination, _head);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _middle);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], _tail);
    }

    /// <summary>
    /// Writes the text without its right padding into <paramref name="destination"/>, for storage that writes text without
    /// making a string per line. False when the destination is too short.
    /// </summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        var trimmed = bytes.TrimEnd((byte)' ');
        charsWritten = 0;
        if (destination.Length < trimmed.Length)
        {
            return false;
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            destination[i] = (char)trimmed[i];
        }

        charsWritten = trimmed.Length;
        return true;
    }

    /// <summary>The text without its right padding (Latin-1, as the AW319 is a single-byte file).</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Encoding.Latin1.GetString(bytes.TrimEnd((byte)' '));
    }

    public bool Equals(Referentienummer other) => _head == other._head && _middle == other._middle && _tail == other._tail;

    public override bool Equals(object? obj) => obj is Referentienummer other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_head, _middle, _tail);

    public static bool operator ==(Referentienummer left, Referentienummer right) => left.Equals(right);

    public static bool operator !=(Referentienummer left, Referentienummer right) => !left.Equals(right);
}
