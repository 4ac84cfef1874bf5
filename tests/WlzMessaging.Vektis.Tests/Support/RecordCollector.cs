namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>Keeps a copy of every record the reader delivers.</summary>
internal sealed class RecordCollector : IVektisRecordHandler
{
    public List<ReadRecord> Records { get; } = [];

    public void OnRecord(in VektisRecord record) =>
        Records.Add(new ReadRecord(record.Type, record.RecordNumber, record.Bytes.ToArray(), record.Faults, record.HasValidLength));
}
