using System.Buffers.Binary;
using WlzMessaging.Vektis;

namespace WlzMessaging.Benchmarks;

/// <summary>What a handler found: enough of every record to keep the work real (and to check it against the generator).</summary>
public sealed class Totals
{
    public long Records;
    public long Clients;
    public long Lines;
    public long Faulty;
    public long NetCents;
    public long AantalMaalTarief;
    public long BsnXor;
    public long CodeSum;
    public long DaySum;

    public void Reset()
    {
        Records = Clients = Lines = Faulty = NetCents = AantalMaalTarief = BsnXor = CodeSum = DaySum = 0;
    }

    public long Checksum => Records ^ NetCents ^ AantalMaalTarief ^ BsnXor ^ CodeSum ^ DaySum;

    /// <summary>Touches the key fields of a record the way a real consumer would: numbers, a date, an amount, a code.</summary>
    public void Touch(in VektisRecord record)
    {
        Records++;
        if (!record.Faults.IsEmpty)
        {
            Faulty++;
        }

        switch (record.Type)
        {
            case RecordType.Verzekerde:
                Clients++;
                BsnXor ^= record.AsVerzekerde().Bsn;
                break;
            case RecordType.Prestatie:
                var line = record.AsPrestatie();
                Lines++;
                NetCents += line.DeclaratiebedragSigned;
                AantalMaalTarief += (long)line.Aantal * line.Tarief;
                BsnXor ^= line.Bsn;
                var code = line.Prestatiecode;
                CodeSum += BinaryPrimitives.ReadInt32LittleEndian(code) + code[4];
                if (line.BegindatumPrestatie is { } begin)
                {
                    DaySum += begin.DayNumber;
                }

                break;
        }
    }
}

/// <summary>
/// The handler as hot code should write it: a struct, so the reader's generic code is specialised for it and the call is
/// direct. The reader passes the handler by value, so its state lives in a class it points to. It implements
/// <see cref="IVektisRecordHandler.AfterBatchAsync"/> itself: calling the interface's default body on a struct boxes it.
/// </summary>
public readonly struct TouchHandler(Totals totals) : IVektisRecordHandler
{
    public void OnRecord(in VektisRecord record) => totals.Touch(record);

    public ValueTask AfterBatchAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>The same work from a class handler (shared generic code, an interface call per record).</summary>
public sealed class TouchClassHandler(Totals totals) : IVektisRecordHandler
{
    public void OnRecord(in VektisRecord record) => totals.Touch(record);
}

/// <summary>A struct handler that leaves AfterBatchAsync to the interface's default body (boxes once per batch).</summary>
public readonly struct TouchDefaultBatchHandler(Totals totals) : IVektisRecordHandler
{
    public void OnRecord(in VektisRecord record) => totals.Touch(record);
}

/// <summary>Does nothing with a record: the reader's own cost (split, structure checks, totals).</summary>
public readonly struct NoopHandler : IVektisRecordHandler
{
    public void OnRecord(in VektisRecord record)
    {
    }

    public ValueTask AfterBatchAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
