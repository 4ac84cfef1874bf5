using System.Buffers;
using System.IO.Pipelines;

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

internal static class Reading
{
    /// <summary>The options a zorgkantoor with UZOVI 5509 uses for a file received on 2025-02-10.</summary>
    public static readonly VektisReaderOptions Options = new()
    {
        ReceivedDate = Aw319FileBuilder.Received,
        ExpectedUzovi = Aw319FileBuilder.Uzovi,
    };

    public static async Task<ReadOutcome> ReadAsync(byte[] file, VektisReaderOptions? options = null)
    {
        var collector = new RecordCollector();
        var result = await VektisReader.ReadAsync(PipeReader.Create(new ReadOnlySequence<byte>(file)), collector, options ?? Options);
        return new ReadOutcome(result, collector.Records);
    }

    public static Task<ReadOutcome> ReadAsync(Aw319File file, VektisReaderOptions? options = null) =>
        ReadAsync(file.ToBytes(), options);
}
