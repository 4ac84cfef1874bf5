using WlzMessaging.Adjudication.Tests.Support;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>L06-L07: a 0431 is unique in the file and over the provider's history.</summary>
public sealed class ReferentienummerRuleTests
{
    [Fact]
    public async Task L06_fires_on_the_later_line_with_a_repeated_referentienummer()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A).Z015("REF-DUBBEL")
            .Client(Clients.D).Z015("REF-DUBBEL"));

        judged.Lines[0].IsApproved();
        judged.Lines[1].FiresOnly(LineRules.L06);
    }

    [Fact]
    public async Task L06_is_silent_for_distinct_referentienummers()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A).Z015("REF-1")
            .Client(Clients.D).Z015("REF-2"));

        Assert.All(judged.Lines, line => line.IsApproved());
    }

    [Fact]
    public async Task L06_compares_the_whole_field_so_a_longer_reference_is_another_one()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A).Z015("REF-1")
            .Client(Clients.D).Z015("REF-1 "));

        // "REF-1" and "REF-1 " fill the 20 positions alike: the same reference.
        judged.Lines[1].FiresOnly(LineRules.L06);
    }

    [Fact]
    public async Task L07_fires_for_a_referentienummer_received_in_an_earlier_file()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("REF-OUD"), new History().Received("REF-OUD"));

        judged.Line.FiresOnly(LineRules.L07);
    }

    [Fact]
    public async Task L07_is_silent_for_a_referentienummer_the_provider_never_sent()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("REF-NIEUW"), new History().Received("REF-OUD"));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L06_and_L07_fire_together_on_a_line_repeated_from_history_and_in_the_file()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A).Z015("REF-OUD")
            .Client(Clients.D).Z015("REF-OUD"), new History().Received("REF-OUD"));

        judged.Lines[0].FiresOnly(LineRules.L07);
        judged.Lines[1].HasCodes("8192 8021");
    }
}
