using System.Runtime.Intrinsics;

namespace WlzMessaging.Vektis;

/// <summary>
/// A record type's fields prepared for fast checking: byte masks with 0xFF on every position of an N field and of a
/// reserve, so a few vector operations tell whether all N fields hold digits and all reserves spaces; only a record that
/// fails is looked at field by field.
/// </summary>
internal sealed class RecordLayout
{
    private readonly byte[] _numericMask;
    private readonly byte[] _reserveMask;

    private RecordLayout(RecordType type, int length, IReadOnlyList<FieldSpec> fields)
    {
        Type = type;
        Length = length;
        Fields = fields;
        _numericMask = new byte[length];
        _reserveMask = new byte[length];
        foreach (var field in fields)
        {
            if (field.End > length)
            {
                continue;
            }

            if (field.Type == FieldType.N)
            {
                _numericMask.AsSpan(field.Offset, field.Length).Fill(0xFF);
            }
            else if (field.IsReserve)
            {
                _reserveMask.AsSpan(field.Offset, field.Length).Fill(0xFF);
            }
        }

        Reserves = fields.Where(f => f.IsReserve && f.End <= length).ToArray();
        NumericFields = fields.Where(f => f.Type == FieldType.N && f.End <= length).ToArray();
    }

    public RecordType Type { get; }

    public int Length { get; }

    public IReadOnlyList<FieldSpec> Fields { get; }

    public FieldSpec[] Reserves { get; }

    public FieldSpec[] NumericFields { get; }

    /// <summary>True when every N position of the record holds a digit and every reserve position a space.</summary>
    public bool IsWellFormed(ReadOnlySpan<byte> record)
    {
        if (record.Length != Length)
        {
            return IsWellFormedScalar(record);
        }

        // Whole vectors, then one more that ends at the record's end and overlaps the last: checking a position twice is
        // harmless, and it spares a scalar tail (310 = 9 x 32 + 22 positions) that cost as much as the vectors.
        if (Vector256.IsHardwareAccelerated && record.Length >= Vector256<byte>.Count)
        {
            var faults = Vector256<byte>.Zero;
            var last = record.Length - Vector256<byte>.Count;
            for (var i = 0; i < last; i += Vector256<byte>.Count)
            {
                faults |= Faults256(record, i);
            }

            faults |= Faults256(record, last);
            return faults == Vector256<byte>.Zero;
        }

        if (Vector128.IsHardwareAccelerated && record.Length >= Vector128<byte>.Count)
        {
            var faults = Vector128<byte>.Zero;
            var last = record.Length - Vector128<byte>.Count;
            for (var i = 0; i < last; i += Vector128<byte>.Count)
            {
                faults |= Faults128(record, i);
            }

            faults |= Faults128(record, last);
            return faults == Vector128<byte>.Zero;
        }

        return IsWellFormedScalar(record);
    }

    // A byte is a digit when (b - '0') as unsigned is at most 9: anything else under the N mask is a fault, as is
    // anything but a space under the reserve mask. Nonzero lanes are faults.
    private Vector256<byte> Faults256(ReadOnlySpan<byte> record, int at)
    {
        var value = Vector256.Create(record.Slice(at, Vector256<byte>.Count));
        var numeric = Vector256.Create(_numericMask.AsSpan(at, Vector256<byte>.Count));
        var reserve = Vector256.Create(_reserveMask.AsSpan(at, Vector256<byte>.Count));
        var notDigit = Vector256.GreaterThan(value - Vector256.Create((byte)'0'), Vector256.Create((byte)9));
        var notSpace = ~Vector256.Equals(value, Vector256.Create((byte)' '));
        return (notDigit & numeric) | (notSpace & reserve);
    }

    private Vector128<byte> Faults128(ReadOnlySpan<byte> record, int at)
    {
        var value = Vector128.Create(record.Slice(at, Vector128<byte>.Count));
        var numeric = Vector128.Create(_numericMask.AsSpan(at, Vector128<byte>.Count));
        var reserve = Vector128.Create(_reserveMask.AsSpan(at, Vector128<byte>.Count));
        var notDigit = Vector128.GreaterThan(value - Vector128.Create((byte)'0'), Vector128.Create((byte)9));
        var notSpace = ~Vector128.Equals(value, Vector128.Create((byte)' '));
        return (notDigit & numeric) | (notSpace & reserve);
    }

    private bool IsWellFormedScalar(ReadOnlySpan<byte> record)
    {
        var length = Math.Min(record.Length, Length);
        for (var i = 0; i < length; i++)
        {
            if ((_numericMask[i] != 0 && unchecked((uint)(record[i] - '0')) > 9) || (_reserveMask[i] != 0 && record[i] != ' '))
            {
                return false;
            }
        }

        return true;
    }

    public static RecordLayout For(MessageKind kind, RecordType type) => kind == MessageKind.Aw320
        ? s_aw320[Index(type)]
        : s_aw319[Index(type)];

    private static int Index(RecordType type) => type switch
    {
        RecordType.Voorloop => 0,
        RecordType.Verzekerde => 1,
        RecordType.Prestatie => 2,
        RecordType.Commentaar => 3,
        RecordType.Sluit => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static readonly RecordLayout[] s_aw319 =
    [
        new(RecordType.Voorloop, Aw319Layout.RecordLength, Aw319Layout.Voorloop.Fields),
        new(RecordType.Verzekerde, Aw319Layout.RecordLength, Aw319Layout.Verzekerde.Fields),
        new(RecordType.Prestatie, Aw319Layout.RecordLength, Aw319Layout.Prestatie.Fields),
        new(RecordType.Commentaar, Aw319Layout.RecordLength, Aw319Layout.Commentaar.Fields),
        new(RecordType.Sluit, Aw319Layout.RecordLength, Aw319Layout.Sluit.Fields),
    ];

    // AW320: the AW319 part, then the answer part; the 99 is laid out anew after position 33.
    private static readonly RecordLayout[] s_aw320 =
    [
        new(RecordType.Voorloop, Aw320Layout.RecordLength, [.. Aw319Layout.Voorloop.Fields, .. Aw320Layout.Voorloop.Fields]),
        new(RecordType.Verzekerde, Aw320Layout.RecordLength, [.. Aw319Layout.Verzekerde.Fields, .. Aw320Layout.Verzekerde.Fields]),
        new(RecordType.Prestatie, Aw320Layout.RecordLength, [.. Aw319Layout.Prestatie.Fields, .. Aw320Layout.Prestatie.Fields]),
        new(RecordType.Commentaar, Aw320Layout.RecordLength, [.. Aw319Layout.Commentaar.Fields, .. Aw320Layout.Commentaar.Fields]),
        new(RecordType.Sluit, Aw320Layout.RecordLength, Aw320Layout.Sluit.Fields),
    ];
}
