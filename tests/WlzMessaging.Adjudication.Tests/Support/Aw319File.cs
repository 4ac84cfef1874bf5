using System.Text;

namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>The records of an AW319, written as the standard wants them: 310 positions and CR LF each.</summary>
internal sealed class Aw319File(IReadOnlyList<TestRecord> records)
{
    public IReadOnlyList<TestRecord> Records { get; } = records;

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        foreach (var record in Records)
        {
            stream.Write(record.Bytes);
            stream.Write("\r\n"u8);
        }

        return stream.ToArray();
    }

    public override string ToString() => Encoding.Latin1.GetString(ToBytes());
}
