namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>What reading a file gave: the result and a copy of every record.</summary>
internal sealed record ReadOutcome(VektisReadResult Result, List<ReadRecord> Records)
{
    /// <summary>The file-level codes in the order found, repeats removed, as four-digit strings.</summary>
    public string[] FileCodes => Result.DistinctFileFaultCodes().Select(c => c.ToString()).ToArray();

    public ReadRecord Record(long number) => Records.Single(r => r.Number == number);

    /// <summary>The record-level codes of every record that has any, as "number:codes".</summary>
    public string[] RecordCodes => Records.Where(r => !r.Faults.IsEmpty).Select(r => $"{r.Number}:{r.Faults}").ToArray();
}
