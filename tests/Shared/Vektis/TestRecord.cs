using System.Globalization;
using System.Text;
using WlzMessaging.Vektis;

namespace WlzMessaging.Testing;

/// <summary>
/// A record under construction, set field by field through the layout's <see cref="FieldSpec"/>s the way a provider's
/// software fills it: N right-aligned with zeros, AN left-aligned with spaces, every position not set a space. Shared by
/// the test projects that set <c>UsesVektisTestRecords</c> (tests/Directory.Build.props).
/// </summary>
internal sealed class TestRecord
{
    public TestRecord(RecordType type, int length = Aw319Layout.RecordLength)
    {
        Bytes = new byte[length];
        Array.Fill(Bytes, (byte)' ');
        Set(new FieldSpec("xx01", "KENMERK RECORD", 1, 2, FieldType.N, 'M'), (long)type);
    }

    private TestRecord(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    public RecordType Type => VektisRecord.TypeOf(Bytes);

    public TestRecord Set(in FieldSpec field, string value)
    {
        var bytes = Encoding.Latin1.GetBytes(value);
        if (bytes.Length > field.Length)
        {
            throw new ArgumentException($"'{value}' does not fit {field.Code} ({field.Length} positions)", nameof(value));
        }

        var target = Bytes.AsSpan(field.Offset, field.Length);
        if (field.Type == FieldType.N)
        {
            target.Fill((byte)'0');
            bytes.CopyTo(target[(field.Length - bytes.Length)..]);
        }
        else
        {
            target.Fill((byte)' ');
            bytes.CopyTo(target);
        }

        return this;
    }

    public TestRecord Set(in FieldSpec field, long value) => Set(field, value.ToString(CultureInfo.InvariantCulture));

    public TestRecord Set(in FieldSpec field, DateOnly date) => Set(field, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    /// <summary>Puts exactly <paramref name="value"/> into a field, no padding: for faults such as a letter in an N field or a day 31 in April.</summary>
    public TestRecord Raw(in FieldSpec field, string value)
    {
        if (value.Length != field.Length)
        {
            throw new ArgumentException($"'{value}' is not {field.Length} positions for {field.Code}", nameof(value));
        }

        Encoding.Latin1.GetBytes(value).CopyTo(Bytes, field.Offset);
        return this;
    }

    /// <summary>A field's content as written, padding included.</summary>
    public string Get(in FieldSpec field) => Encoding.Latin1.GetString(Bytes, field.Offset, field.Length);

    public TestRecord Clone() => new((byte[])Bytes.Clone());

    public override string ToString() => Encoding.Latin1.GetString(Bytes);
}
