using System.IO.Pipelines;
using WlzMessaging.Vektis;

namespace WlzMessaging.Vektis.Tests;

public sealed class RejectByCallerTests
{
    [Fact]
    public async Task A_file_rejected_by_its_caller_is_answered_with_0001_and_the_callers_code()
    {
        var bytes = await File.ReadAllBytesAsync(Directory.GetFiles(WlzMessaging.Testing.RepositoryRoot.Combine("testdata", "aw319"), "*.aw319").Order().First());
        var result = await VektisReader.ReadAsync(PipeReader.Create(new System.Buffers.ReadOnlySequence<byte>(bytes)), new NoHandler());
        Assert.False(result.IsRejected);

        result.Reject(Retourcodes.FactuurnummerNietUniek, "invoice number already received");

        Assert.True(result.IsRejected);
        using var output = new MemoryStream();
        var summary = await Aw320Responder.WriteAsync(() => new MemoryStream(bytes), result, new StructuralAnswers(), output,
            Aw320Header.Create("WLZ-TEST", new DateOnly(2025, 2, 10)));
        Assert.True(summary.Rejected);
        var answer = output.ToArray();
        Assert.Equal(2 * (Aw320Layout.RecordLength + 2), answer.Length);
        Assert.Equal("00010030    "u8.ToArray(), answer.AsSpan(Aw320Layout.Voorloop.Retourcode01.Offset, 12).ToArray());
    }

    private sealed class NoHandler : IVektisRecordHandler
    {
        public void OnRecord(in VektisRecord record)
        {
        }
    }
}
