namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>A record as the reader handed it over, copied out of the view (which is valid only during the callback).</summary>
internal sealed record ReadRecord(RecordType Type, long Number, byte[] Bytes, RetourcodeSet Faults, bool HasValidLength)
{
    public string Faulted => Faults.ToString();
}

/// <summary>Keeps a copy of every record the reader delivers.</summary>
internal sealed class RecordCollector : IVektisRecordHandler
{
    public List<ReadRecord> Records { get; } = [];

    public void OnRecord(in VektisRecord record) =>
        Records.Add(new ReadRecord(record.Type, record.RecordNumber, record.Bytes.ToArray(), record.Faults, record.HasValidLength));
}

/// <summary>Counts records and nothing else: a handler that allocates nothing, for the allocation tests.</summary>
internal sealed class CountingHandler : IVektisRecordHandler
{
    public long Records { get; private set; }

    public long Sum { get; private set; }

    public void OnRecord(in VektisRecord record)
    {
        Records++;

        // Touch the fields a real handler would, so the measurement covers the accessors too.
        if (record.Type == RecordType.Prestatie)
        {
            var line = record.AsPrestatie();
            Sum += line.DeclaratiebedragSigned + line.Aantal + (line.BegindatumPrestatie?.Day ?? 0) + line.Referentienummer.Length;
        }
    }
}

/// <summary>Looks at nothing: for a first pass that only wants the read result.</summary>
internal sealed class NoHandler : IVektisRecordHandler
{
    public void OnRecord(in VektisRecord record)
    {
    }
}
