using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>A BSN is special personal data: no type of this project prints one.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task No_key_or_outcome_prints_the_bsn()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015());
        var key = new ClientPrestatie(Clients.Number(Clients.A), PrestatieCode.Parse("Z015"));

        Assert.DoesNotContain(Clients.A, key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Clients.A, judged.Line.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Clients.A, judged.Prepass.Header.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Clients.A, judged.Prepass.ContextFor(Aw319Builder.Received).ToString(), StringComparison.Ordinal);
    }
}
