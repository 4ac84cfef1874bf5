using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Vektis;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>C01-C03 on the 02, and what a rejected client means for the records under it.</summary>
public sealed class ClientRuleTests
{
    [Fact]
    public async Task C01_fires_for_a_bsn_that_fails_the_elfproef()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.Invalid).Z015());

        Assert.Equal("0435", judged.Clients[0].ToString());
    }

    [Fact]
    public async Task C01_is_silent_for_a_bsn_that_passes_the_elfproef()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015());

        Assert.True(judged.Clients[0].IsEmpty);
        judged.Line.IsApproved();
    }

    [Fact]
    public async Task C01_lets_999999999_stand_for_no_bsn()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client("999999999").Z015());

        Assert.True(judged.Clients[0].IsEmpty);
        Assert.False(judged.Line.NotJudged);
    }

    [Fact]
    public async Task C02_fires_for_a_birth_date_after_the_received_date()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A, c => c.Set(Z.DatumGeboorte, Aw319Builder.Received.AddDays(1))).Z015());

        Assert.Equal("0350", judged.Clients[0].ToString());
    }

    [Fact]
    public async Task C02_fires_for_a_birth_date_that_does_not_exist()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A, c => c.Raw(Z.DatumGeboorte, "19400231")).Z015());

        Assert.Equal("0350", judged.Clients[0].ToString());
    }

    [Fact]
    public async Task C02_is_silent_for_a_client_born_on_the_received_date()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A, c => c.Set(Z.DatumGeboorte, Aw319Builder.Received)).Z015());

        Assert.True(judged.Clients[0].IsEmpty);
        judged.Line.IsApproved();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    public async Task C03_fires_for_a_gender_other_than_1_or_2(int geslacht)
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A, c => c.Set(Z.CodeGeslacht, geslacht)).Z015());

        Assert.Equal("0351", judged.Clients[0].ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task C03_is_silent_for_gender_1_or_2(int geslacht)
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A, c => c.Set(Z.CodeGeslacht, geslacht)).Z015());

        Assert.True(judged.Clients[0].IsEmpty);
        judged.Line.IsApproved();
    }

    [Fact]
    public async Task Client_codes_follow_the_catalogue_order()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.Invalid, c => c.Set(Z.CodeGeslacht, 0).Raw(Z.DatumGeboorte, "00000000")).Z015());

        Assert.Equal("0435 0350 0351", judged.Clients[0].ToString());
    }

    [Fact]
    public async Task A_rejected_client_gives_its_lines_and_comments_8002_and_the_next_client_is_judged_again()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.Invalid).Comment("over de client")
            .Z015().Comment("over de regel")
            .Z015()
            .Client(Clients.A).Comment("volgende client")
            .Z015());

        Assert.Equal(["0435", ""], judged.Clients.Select(c => c.ToString()));
        Assert.Equal(["8002", "8002", ""], judged.Comments.Select(c => c.ToString()));
        Assert.All(judged.Lines.Take(2), line =>
        {
            Assert.True(line.NotJudged);
            Assert.False(line.Approved);
            line.HasCodes("8002");
            Assert.Equal(LineRules.None, line.Fired);
            Assert.Equal(0, line.ToegekendBedragSigned);
        });
        judged.Lines[2].IsApproved();
    }

    [Fact]
    public async Task A_line_of_a_rejected_client_is_not_judged_so_it_never_becomes_an_approved_debit()
    {
        // The first line is not judged (8002), so the second, which overlaps it, is no duplicate.
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A, c => c.Set(Z.CodeGeslacht, 0)).Z015()
            .Client(Clients.A).Z015());

        Assert.True(judged.Lines[0].NotJudged);
        judged.Lines[1].IsApproved();
    }
}
