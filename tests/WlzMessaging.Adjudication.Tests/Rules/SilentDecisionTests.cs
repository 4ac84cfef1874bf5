using WlzMessaging.Adjudication.Tests.Support;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>
/// The choices the standard leaves open, each written down in specs/rules.md ("Choices the standard leaves open") and held
/// here: what a credit line is not judged on, what a 04 that names another client gets, 0481 under a rejected client, and
/// which rules a date fault leaves silent.
/// </summary>
public sealed class SilentDecisionTests
{
    private static readonly DateOnly Jan1 = Aw319Builder.January1;
    private static readonly DateOnly Jan31 = Aw319Builder.January31;

    [Fact]
    public async Task A_credit_line_is_not_held_to_maz_agreement_meerzorg_or_tariff()
    {
        // Client C has no MAZ with this provider, Z025 is not agreed with it, client D has no meerzorg beschikking, and
        // 14800 is not the contracted Z015 tariff: each credit takes back an approved debit and is approved all the same.
        var history = new History()
            .ApprovedDebit("DB-C", Clients.C, "Z025", Jan1, Jan31, 31 * 16410)
            .ApprovedDebit("DB-D", Clients.D, "ZMZ01", Jan1, Jan31, 31 * 9850)
            .ApprovedDebit("DB-A", Clients.A, "Z015", Jan1, Jan31, 31 * 14800);
        var judged = await Judgement.RunAsync(new Aw319Builder()
                .Client(Clients.C).Line("Z025", Jan1, Jan31, 31, 16410, "CR-C", credit: true, voorgaand: "DB-C")
                .Client(Clients.D).Line("ZMZ01", Jan1, Jan31, 31, 9850, "CR-D", credit: true, voorgaand: "DB-D")
                .Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14800, "CR-A", credit: true, voorgaand: "DB-A"),
            history);

        Assert.All(judged.Lines, line => line.IsApproved());

        // The same lines as debits are refused by those rules: the credits are not approved by accident.
        var debits = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.C).Line("Z025", Jan1, Jan31, 31, 16410, "DB-C2")
            .Client(Clients.D).Line("ZMZ01", Jan1, Jan31, 31, 9850, "DB-D2")
            .Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14800, "DB-A2"));
        debits.Lines[0].Fires(LineRules.L14);
        debits.Lines[0].Fires(LineRules.L16);
        debits.Lines[1].Fires(LineRules.L17);
        debits.Lines[2].Fires(LineRules.L19);
    }

    [Fact]
    public async Task A_line_naming_another_bsn_than_its_client_is_rejected_with_0435_and_its_client_is_not()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("R-1", edit: l => l.Set(P.Bsn, Clients.D))
            .Line("H126", Jan1, Jan31, 300, 105, "R-2"));

        Assert.True(judged.Clients[0].IsEmpty, "the client itself is accepted (0200)");
        judged.Lines[0].HasCodes("0435");
        Assert.False(judged.Lines[0].Approved);
        Assert.Equal(LineRules.None, judged.Lines[0].Fired);
        judged.Lines[1].IsApproved();
    }

    [Fact]
    public async Task A_line_naming_another_verzekerdennummer_than_its_client_gets_0435()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Set(P.Verzekerdennummer, "ANDER")));

        judged.Line.HasCodes("0435");
        Assert.False(judged.Line.Approved);
    }

    [Fact]
    public async Task A_line_of_a_rejected_client_gets_8002_and_0481_from_its_declared_tariff()
    {
        // 14800 is not the contracted 14730: under an accepted client 0481 would be 31 x 14730; under a rejected one the
        // line is not judged and no tariff of the zorgkantoor is looked up.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.Invalid).Line("Z015", Jan1, Jan31, 31, 14800, "R-1"));

        judged.Line.HasCodes("8002");
        Assert.True(judged.Line.NotJudged);
        Assert.Equal(31 * 14800, judged.Answers[0].BerekendBedragSigned);
        Assert.Equal(0, judged.Answers[0].ToegekendBedragSigned);

        var accepted = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14800, "R-1"));
        Assert.Equal(31 * 14730, accepted.Answers[0].BerekendBedragSigned);
    }

    [Fact]
    public async Task A_date_fault_leaves_the_rules_that_need_the_period_silent()
    {
        // Client C has no MAZ (L14), Z025 is not agreed (L16) and the history holds an overlapping debit (L12a): with the
        // dates the wrong way round none of them is applied, and L03 only asks whether Z025 exists (it does).
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Client(Clients.C).Line("Z025", Jan31, Jan1, 31, 16410, "R-1", edit: l => l.Set(P.Functiecode, 4)),
            new History().ApprovedDebit("DB-C", Clients.C, "Z025", Jan1, Jan31, 31 * 100));

        judged.Line.FiresOnly(LineRules.L01);
    }
}
