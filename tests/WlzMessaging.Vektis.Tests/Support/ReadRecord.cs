namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>A record as the reader handed it over, copied out of the view (which is valid only during the callback).</summary>
internal sealed record ReadRecord(RecordType Type, long Number, byte[] Bytes, RetourcodeSet Faults, bool HasValidLength)
{
    public string Faulted => Faults.ToString();
}
