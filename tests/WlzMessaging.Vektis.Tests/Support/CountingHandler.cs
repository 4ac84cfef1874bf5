namespace WlzMessaging.Vektis.Tests.Support;

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
