using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>A 98 shares the fate of the record it comments on: 0200 (an empty set) or 8002.</summary>
public sealed class CommentaarTests
{
    [Fact]
    public async Task A_comment_on_an_accepted_client_or_an_approved_line_gets_0200()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Comment("client").Z015().Comment("regel").Comment("nog een regel"));

        Assert.All(judged.Comments, c => Assert.True(c.IsEmpty));
    }

    [Fact]
    public async Task A_comment_on_a_rejected_line_gets_8002()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.C).Z015().Comment("regel").Client(Clients.A).Comment("client").Z015("R2"));

        Assert.Equal(new RetourcodeSet(Retourcodes.NietBeoordeeld), judged.Comments[0]);
        Assert.True(judged.Comments[1].IsEmpty);
    }
}
