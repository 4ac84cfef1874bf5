namespace WlzMessaging.Vektis;

/// <summary>
/// Receives each record of a file as the reader meets it. The record is a view over the reader's buffer and is valid
/// only during the call: copy what must outlive it.
/// </summary>
/// <remarks>
/// The reader is generic over the handler (<c>where THandler : IVektisRecordHandler</c>) and passes it by value. A
/// struct handler therefore gets code of its own from the JIT, with a direct call to <see cref="OnRecord"/> that can be
/// inlined; a class handler shares one body for all classes and pays an interface call per record. Hot handlers are
/// readonly structs that keep their state in a class they point to (a copy of a struct's own fields would be lost), and
/// implement <see cref="AfterBatchAsync"/> themselves: the default body, called on a struct, boxes it once per batch.
/// </remarks>
public interface IVektisRecordHandler
{
    void OnRecord(in VektisRecord record);

    /// <summary>
    /// Called after the records of each buffer, before the reader waits for more input: the place to flush output
    /// asynchronously, so a writer's buffer stays as small as the reader's.
    /// </summary>
    ValueTask AfterBatchAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
