using System.Text;

namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>An AW320 as written: its bytes, its records (370 positions, CR LF cut off) and the summary.</summary>
internal sealed record Answer(byte[] Bytes, Aw320Summary Summary, VektisReadResult Structure)
{
    public string[] Lines
    {
        get
        {
            var text = Encoding.Latin1.GetString(Bytes);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            var lines = text[..^2].Split("\r\n");
            Assert.All(lines, l => Assert.Equal(Aw320Layout.RecordLength, l.Length));
            return lines;
        }
    }

    /// <summary>The text at 1-based positions <paramref name="start"/> to <paramref name="end"/> of line <paramref name="line"/>.</summary>
    public string At(int line, int start, int end) => Lines[line][(start - 1)..end];
}
