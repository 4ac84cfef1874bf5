using WlzMessaging.Reference;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>
/// Runs a file through both passes the way processing will: the reader with <see cref="FilePrepass"/>, then the reader
/// again with an <see cref="Adjudicator"/>, and keeps every answer in file order.
/// </summary>
internal sealed class Judgement
{
    private Judgement(FilePrepassResult prepass, VektisReadResult structure, Recorder recorder)
    {
        Prepass = prepass;
        Structure = structure;
        Lines = recorder.Lines;
        Answers = recorder.Answers;
        Clients = recorder.Clients;
        Comments = recorder.Comments;
    }

    public FilePrepassResult Prepass { get; }

    public VektisReadResult Structure { get; }

    public IReadOnlyList<LineOutcome> Lines { get; }

    public IReadOnlyList<PrestatieAnswer> Answers { get; }

    public IReadOnlyList<RetourcodeSet> Clients { get; }

    public IReadOnlyList<RetourcodeSet> Comments { get; }

    /// <summary>The only line of a one-line file.</summary>
    public LineOutcome Line => Assert.Single(Lines);

    public static Task<Judgement> RunAsync(Aw319Builder builder, History? history = null, DateOnly? received = null, AdjudicationSettings? settings = null, ReferenceSnapshot? reference = null) =>
        RunAsync(builder.Build(), history, received, settings, reference);

    public static async Task<Judgement> RunAsync(Aw319File file, History? history = null, DateOnly? received = null, AdjudicationSettings? settings = null, ReferenceSnapshot? reference = null)
    {
        var bytes = file.ToBytes();
        var date = received ?? Aw319Builder.Received;
        var options = new VektisReaderOptions { ReceivedDate = date, ExpectedUzovi = Aw319Builder.Uzovi };
        var prepass = new FilePrepass();
        var structure = await VektisReader.ReadAsync(new MemoryStream(bytes), prepass, options);
        var result = prepass.Complete();
        Assert.False(structure.IsRejected, "the test file is rejected as a whole: " + string.Join("; ", structure.FileFaults));

        var adjudicator = new Adjudicator(
            reference ?? RulesReference.Snapshot,
            (history ?? new History()).Value,
            result,
            settings ?? AdjudicationSettings.Default,
            result.ContextFor(date));
        var recorder = new Recorder(adjudicator);
        await VektisReader.ReadAsync(new MemoryStream(bytes), recorder, options);
        return new Judgement(result, structure, recorder);
    }

    /// <summary>The second pass, keeping what the adjudicator answered and the outcome of every line.</summary>
    private sealed class Recorder(Adjudicator adjudicator) : IVektisRecordHandler
    {
        public List<LineOutcome> Lines { get; } = [];

        public List<PrestatieAnswer> Answers { get; } = [];

        public List<RetourcodeSet> Clients { get; } = [];

        public List<RetourcodeSet> Comments { get; } = [];

        public void OnRecord(in VektisRecord record)
        {
            switch (record.Type)
            {
                case RecordType.Verzekerde:
                    Clients.Add(adjudicator.AnswerVerzekerde(record.AsVerzekerde()));
                    break;
                case RecordType.Prestatie:
                    Answers.Add(adjudicator.AnswerPrestatie(record.AsPrestatie()));
                    Lines.Add(adjudicator.LastLine);
                    break;
                case RecordType.Commentaar:
                    Comments.Add(adjudicator.AnswerCommentaar(record.AsCommentaar()));
                    break;
            }
        }
    }
}
