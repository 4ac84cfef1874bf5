using System.Text;

namespace WlzMessaging.Vektis;

/// <summary>
/// One record of a Vektis file as a view over the reader's buffer: valid only during the callback that receives it.
/// Fields are read on demand straight from the bytes; text is decoded only when a caller asks for it.
/// </summary>
public readonly ref struct VektisRecord
{
    public VektisRecord(ReadOnlySpan<byte> bytes, RecordType type, long recordNumber, RetourcodeSet faults, bool hasValidLength)
    {
        Bytes = bytes;
        Type = type;
        RecordNumber = recordNumber;
        Faults = faults;
        HasValidLength = hasValidLength;
    }

    /// <summary>The record's bytes without CR LF (310 for AW319, 370 for AW320 when the length is right).</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    public RecordType Type { get; }

    /// <summary>1-based position of the record in the file (its line number).</summary>
    public long RecordNumber { get; }

    /// <summary>The record-level faults the reader found (structure, format); file-level faults are in the read result.</summary>
    public RetourcodeSet Faults { get; }

    /// <summary>False when the record was not the length of its message; its fields then cannot be trusted.</summary>
    public bool HasValidLength { get; }

    /// <summary>The bytes of a field, or empty when the record is too short to hold it.</summary>
    public ReadOnlySpan<byte> Field(in FieldSpec field) =>
        field.End <= Bytes.Length ? Bytes.Slice(field.Offset, field.Length) : default;

    /// <summary>The value of an N field, or -1 when it holds anything but digits.</summary>
    public long Number(in FieldSpec field) => Numeric.TryParse(Field(field), out var value) ? value : -1;

    /// <summary>The date in a CCYYMMDD field, or null when it is zeros or not a valid date.</summary>
    public DateOnly? Date(in FieldSpec field) => VektisDate.TryParse(Field(field), out var date) ? date : null;

    /// <summary>The text of an AN field, trailing spaces removed (ISO-8859-1, as the standard's character range implies).</summary>
    public string Text(in FieldSpec field) => Encoding.Latin1.GetString(Field(field).TrimEnd((byte)' '));

    /// <summary>
    /// The three RETOURCODE slots of an AW320 record from <paramref name="first"/> on (12 positions), as far as the record
    /// holds them: a record too short for them has none, rather than an exception.
    /// </summary>
    internal RetourcodeSet RetourcodesFrom(in FieldSpec first)
    {
        if (first.Offset >= Bytes.Length)
        {
            return default;
        }

        var slots = Bytes[first.Offset..];
        return RetourcodeSet.Parse(slots.Length > 12 ? slots[..12] : slots);
    }

    public VoorloopRecord AsVoorloop() => new(this);

    public VerzekerdeRecord AsVerzekerde() => new(this);

    public PrestatieRecord AsPrestatie() => new(this);

    public CommentaarRecord AsCommentaar() => new(this);

    public SluitRecord AsSluit() => new(this);

    /// <summary>Reads KENMERK RECORD from the first two bytes.</summary>
    public static RecordType TypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2)
        {
            return RecordType.Unknown;
        }

        // unchecked: a byte below '0' wraps to a large number, so one comparison tests 0-9.
        var d0 = unchecked((uint)(bytes[0] - '0'));
        var d1 = unchecked((uint)(bytes[1] - '0'));
        if (d0 > 9 || d1 > 9)
        {
            return RecordType.Unknown;
        }

        return (d0 * 10 + d1) switch
        {
            1 => RecordType.Voorloop,
            2 => RecordType.Verzekerde,
            3 => RecordType.Debiteur,
            4 => RecordType.Prestatie,
            98 => RecordType.Commentaar,
            99 => RecordType.Sluit,
            _ => RecordType.Unknown,
        };
    }
}
