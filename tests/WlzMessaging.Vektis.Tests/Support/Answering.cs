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

/// <summary>Runs the responder the way the worker does: a first pass for the structure, then the answer.</summary>
internal static class Answering
{
    public static readonly Aw320Header Header = Aw320Header.Create("WLZ-TEST-0001", new DateOnly(2025, 2, 10));

    public static async Task<Answer> RespondAsync(byte[] aw319, IRecordAnswers? answers = null, VektisReaderOptions? options = null)
    {
        options ??= Reading.Options;
        var structure = await VektisReader.ReadAsync(new MemoryStream(aw319, writable: false), new NoHandler(), options);
        using var output = new MemoryStream();
        var summary = await Aw320Responder.WriteAsync(
            () => new MemoryStream(aw319, writable: false), structure, answers ?? new StructuralAnswers(), output, Header, options);
        return new Answer(output.ToArray(), summary, structure);
    }

    public static Task<Answer> RespondAsync(Aw319File file, IRecordAnswers? answers = null) => RespondAsync(file.ToBytes(), answers);
}
