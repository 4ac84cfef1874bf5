namespace WlzMessaging.Vektis.Tests.Support;

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
