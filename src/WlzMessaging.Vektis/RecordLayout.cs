using System.Runtime.Intrinsics;

namespace WlzMessaging.Vektis;

/// <summary>
/// A record type's fields prepared for fast checking: a byte mask with 0xFF on every position of an N field, so one
/// vector pass tells whether all N fields hold digits; only a record that fails is looked at field by field.
/// </summary>
internal sealed class RecordLayout
{
    private readonly byte[] _numericMask;

    private RecordLayout(RecordType type, int length, IReadOnlyList<FieldSpec> fields)
    {
        Type = type;
        Length = length;
        Fields = fields;
        _numericMask = new byte[length];
        foreach (var field in fields)
        {
            if (field.Type == FieldType.N && field.End <= length)
            {
                _numericMask.AsSpan(field.Offset, field.Length).Fill(0xFF);
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

    /// <summary>True when every N position of the record holds a digit.</summary>
    public bool NumericFieldsAreDigits(ReadOnlySpan<byte> record)
    {
        ReadOnlySpan<byte> mask = _numericMask;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var zero = Vector256.Create((byte)'0');
            var nine = Vector256.Create((byte)9);
            for (; i + Vector256<byte>.Count <= record.Length; i += Vector256<byte>.Count)
            {
                var value = Vector256.Create(record.Slice(i, Vector256<byte>.Count));
                var numeric = Vector256.Create(mask.Slice(i, Vector256<byte>.Count));

                // A byte is a digit when (b - '0') as unsigned is at most 9; anything else under the mask is a fault.
                var notDigit = Vector256.GreaterThan(value - zero, nine) & numeric;
                if (notDigit != Vector256<byte>.Zero)
                {
                    return false;
                }
            }
        }

        for (; i < record.Length; i++)
        {
            if (mask[i] != 0 && (uint)(record[i] - '0') > 9)
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
