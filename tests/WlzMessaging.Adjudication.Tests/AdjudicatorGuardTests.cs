using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>An adjudicator belongs to the file its prepass read; anything else is a caller's bug and fails loudly.</summary>
public sealed class AdjudicatorGuardTests
{
    private static async Task<FilePrepassResult> PrepassAsync(Aw319File file)
    {
        var prepass = new FilePrepass();
        await VektisReader.ReadAsync(new MemoryStream(file.ToBytes()), prepass);
        return prepass.Complete();
    }

    [Fact]
    public async Task Refuses_a_context_for_another_provider()
    {
        var prepass = await PrepassAsync(new Aw319Builder().Client(Clients.A).Z015().Build());

        Assert.Throws<ArgumentException>(() => new Adjudicator(
            RulesReference.Snapshot, new DeclarationHistory(), prepass, AdjudicationSettings.Default,
            new AdjudicationContext(Aw319Builder.Received, 73730002, false)));
    }

    [Fact]
    public async Task Refuses_more_lines_than_its_prepass_saw()
    {
        var prepass = await PrepassAsync(new Aw319Builder().Client(Clients.A).Z015().Build());
        var adjudicator = new Adjudicator(
            RulesReference.Snapshot, new DeclarationHistory(), prepass, AdjudicationSettings.Default, prepass.ContextFor(Aw319Builder.Received));
        var other = new Aw319Builder().Client(Clients.A).Z015("R1").Z015("R2").Build().Records[2].Bytes;

        adjudicator.AnswerPrestatie(new VektisRecord(other, RecordType.Prestatie, 3, default, true).AsPrestatie());

        Assert.Throws<InvalidOperationException>(() =>
            adjudicator.AnswerPrestatie(new VektisRecord(other, RecordType.Prestatie, 4, default, true).AsPrestatie()));
    }
}
