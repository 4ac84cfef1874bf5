using WlzMessaging.Adjudication.Tests.Support;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>L08-L11: a credit line must reverse a known, approved, uncredited debit; both paths, history and this file.</summary>
public sealed class CreditRuleTests
{
    private const long January = 31 * 14730;

    [Fact]
    public async Task L08_fires_for_a_credit_line_without_voorgaand_referentienummer()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("CR-1", credit: true));

        judged.Line.FiresOnly(LineRules.L08);
    }

    [Fact]
    public async Task L08_is_silent_for_a_debit_line_without_voorgaand_referentienummer()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("DB-1"));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L09_fires_for_a_credit_of_a_debit_the_history_does_not_hold()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("CR-1", credit: true, voorgaand: "DB-ONBEKEND"),
            new History().ApprovedJanuaryZ015("DB-ANDER"));

        judged.Line.FiresOnly(LineRules.L09);
    }

    [Fact]
    public async Task L09_fires_for_a_credit_of_a_debit_earlier_in_the_file_that_was_rejected()
    {
        // The debit is rejected (ZZP 002); the credit has another amount, so the two do not cancel: nothing to reverse.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("DB-1", edit: l => l.Set(P.Zorgzwaartepakketcode, 2))
            .Line("Z015", Aw319Builder.January1, new DateOnly(2025, 1, 10), 10, 14730, "CR-1", credit: true, voorgaand: "DB-1"));

        judged.Lines[0].FiresOnly(LineRules.L04);
        judged.Lines[1].FiresOnly(LineRules.L09);
    }

    [Fact]
    public async Task L09_is_silent_for_a_credit_of_an_approved_debit_in_the_history()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("CR-1", credit: true, voorgaand: "DB-DEC"),
            new History().ApprovedJanuaryZ015("DB-DEC"));

        judged.Line.IsApproved();
        Assert.Equal(-January, judged.Line.ToegekendBedragSigned);
        Assert.Equal("DB-DEC", judged.Line.CreditedDebit.ToString());
        Assert.Equal(-1, judged.Line.CreditedDebitLine);
    }

    [Fact]
    public async Task L09_is_silent_for_a_credit_of_a_debit_approved_earlier_in_the_file()
    {
        // Another amount than the debit, so no cancelling pair: a partial reversal of a line of this same file.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("DB-1")
            .Line("Z015", Aw319Builder.January1, new DateOnly(2025, 1, 10), 10, 14730, "CR-1", credit: true, voorgaand: "DB-1"));

        judged.Lines[0].IsApproved();
        judged.Lines[1].IsApproved();
        Assert.Equal(0, judged.Lines[1].CreditedDebitLine);
        Assert.Equal("DB-1", judged.Lines[1].CreditedDebit.ToString());
    }

    [Fact]
    public async Task L09_looks_only_backwards_in_the_file()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Line("Z015", Aw319Builder.January1, new DateOnly(2025, 1, 10), 10, 14730, "CR-1", credit: true, voorgaand: "DB-1")
            .Z015("DB-1"));

        judged.Lines[0].FiresOnly(LineRules.L09);
        judged.Lines[1].IsApproved();
    }

    [Fact]
    public async Task L10_fires_for_a_credit_of_a_debit_the_history_shows_credited()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("CR-2", credit: true, voorgaand: "DB-DEC"),
            new History().ApprovedJanuaryZ015("DB-DEC", credited: true));

        judged.Line.FiresOnly(LineRules.L10);
    }

    [Fact]
    public async Task L10_fires_for_a_second_credit_of_a_debit_credited_earlier_in_the_file()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("CR-1", credit: true, voorgaand: "DB-DEC")
            .Z015("CR-2", credit: true, voorgaand: "DB-DEC"),
            new History().ApprovedJanuaryZ015("DB-DEC"));

        judged.Lines[0].IsApproved();
        judged.Lines[1].FiresOnly(LineRules.L10);
    }

    [Fact]
    public async Task L10_is_silent_when_the_earlier_credit_in_the_file_was_rejected()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("CR-1", credit: true, voorgaand: "DB-DEC", edit: l => l.Set(P.AanduidingPrestatiecodelijst, 56))
            .Z015("CR-2", credit: true, voorgaand: "DB-DEC"),
            new History().ApprovedJanuaryZ015("DB-DEC"));

        judged.Lines[0].FiresOnly(LineRules.L02);
        judged.Lines[1].IsApproved();
    }

    [Fact]
    public async Task L11_fires_on_both_lines_when_a_debit_and_its_credit_cancel_in_one_file()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("DB-1")
            .Z015("CR-1", credit: true, voorgaand: "DB-1"));

        judged.Lines[0].FiresOnly(LineRules.L11);
        judged.Lines[1].FiresOnly(LineRules.L11);
        Assert.Equal(2, judged.Prepass.CancellingLines);
    }

    [Fact]
    public async Task L11_fires_also_when_the_credit_comes_before_the_debit()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("CR-1", credit: true, voorgaand: "DB-1")
            .Z015("DB-1"));

        judged.Lines[0].FiresOnly(LineRules.L11);
        judged.Lines[1].FiresOnly(LineRules.L11);
    }

    [Fact]
    public async Task L11_pairs_a_debit_with_one_credit_only()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("DB-1")
            .Z015("CR-1", credit: true, voorgaand: "DB-1")
            .Z015("CR-2", credit: true, voorgaand: "DB-1"));

        judged.Lines[1].FiresOnly(LineRules.L11);
        // The debit is rejected with its pair, so the second credit finds no approved debit.
        judged.Lines[2].FiresOnly(LineRules.L09);
    }

    [Fact]
    public async Task L11_is_silent_when_the_amounts_differ()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("DB-1")
            .Line("Z015", Aw319Builder.January1, Aw319Builder.January31, 31, 14730, "CR-1", credit: true, voorgaand: "DB-1",
                edit: l => l.Set(P.BerekendBedrag, 30 * 14730).Set(P.Declaratiebedrag, 30 * 14730).Set(P.Aantal, 30)));

        judged.Lines[0].IsApproved();
        judged.Lines[1].IsApproved();
        Assert.Equal(0, judged.Prepass.CancellingLines);
    }
}
