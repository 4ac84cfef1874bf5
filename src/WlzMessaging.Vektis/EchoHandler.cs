using System.Runtime.CompilerServices;

namespace WlzMessaging.Vektis;

/// <summary>The second pass of <see cref="Aw320Responder"/>: echoes each detail record with its answer.</summary>
internal sealed class EchoHandler(Aw320Writer writer, IRecordAnswers answers) : IVektisRecordHandler
{
    public long Lines { get; private set; }

    public long Approved { get; private set; }

    public long NetToegekend { get; private set; }

    public void OnRecord(in VektisRecord record)
    {
        switch (record.Type)
        {
            case RecordType.Verzekerde:
                writer.WriteVerzekerde(record.Bytes, OrGeenOpmerking(answers.AnswerVerzekerde(record.AsVerzekerde())));
                break;
            case RecordType.Prestatie:
                var answer = answers.AnswerPrestatie(record.AsPrestatie());
                Lines++;
                if (answer.IsApproved)
                {
                    Approved++;
                }

                NetToegekend += answer.ToegekendBedragSigned;
                writer.WritePrestatie(record.Bytes, answer.BerekendBedragSigned, answer.ToegekendBedragSigned, answer.Retourcodes);
                break;
            case RecordType.Commentaar:
                writer.WriteCommentaar(record.Bytes, OrGeenOpmerking(answers.AnswerCommentaar(record.AsCommentaar())));
                break;
        }
    }

    // A flush to a file completes asynchronously, and then an async ValueTask method allocates its state machine box:
    // about 2,300 times for a million-line AW320. The pooling builder reuses the boxes.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask AfterBatchAsync(CancellationToken cancellationToken)
    {
        if (writer.UnflushedBytes >= 256 * 1024)
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static RetourcodeSet OrGeenOpmerking(RetourcodeSet codes) =>
        codes.IsEmpty ? new RetourcodeSet(Retourcodes.GeenOpmerking) : codes;
}
