namespace WlzMessaging.Vektis;

/// <summary>
/// Receives each record of a file as the reader meets it. The record is a view over the reader's buffer and is valid
/// only during the call: copy what must outlive it.
/// </summary>
public interface IVektisRecordHandler
{
    void OnRecord(in VektisRecord record);

    /// <summary>
    /// Called after the records of each buffer, before the reader waits for more input: the place to flush output
    /// asynchronously, so a writer's buffer stays as small as the reader's.
    /// </summary>
    ValueTask AfterBatchAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
