using System.Buffers;
using System.IO.Pipelines;

namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>Reads a whole file in memory and keeps what the reader said and delivered.</summary>
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
