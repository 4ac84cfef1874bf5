using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// Hands each record of the first pass to several handlers in turn: the seam where the adjudicator's prepass (and any
/// later first-pass reader) rides along with the structural read, so the file is read once for all of them.
/// </summary>
internal sealed class CompositeRecordHandler(IReadOnlyList<IVektisRecordHandler> handlers) : IVektisRecordHandler
{
    public void OnRecord(in VektisRecord record)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            handlers[i].OnRecord(record);
        }
    }

    public async ValueTask AfterBatchAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            await handlers[i].AfterBatchAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
