using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Vektis;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>0481 BEREKEND BEDRAG ZORGVERZEKERAAR and 0483 TOEGEKEND BEDRAG, signed, on approved and rejected lines.</summary>
public sealed class AmountTests
{
    [Fact]
    public async Task An_approved_debit_is_granted_its_declared_amount_and_computed_at_the_contracted_tariff()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015());

        var line = judged.Line;
        Assert.Equal(31 * 14730, line.ToegekendBedragSigned);
        Assert.Equal(31 * 14730, line.BerekendBedragSigned);
        Assert.Equal(new PrestatieAnswer(31 * 14730, 31 * 14730, new RetourcodeSet(Retourcodes.VolledigToegewezen)), judged.Answers[0]);
    }

    [Fact]
    public async Task An_approved_credit_is_granted_its_declared_amount_as_a_negative()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("CR-1", credit: true, voorgaand: "DB-1"),
            new History().ApprovedJanuaryZ015("DB-1"));

        Assert.True(judged.Line.IsCredit);
        Assert.Equal(-31 * 14730, judged.Line.ToegekendBedragSigned);
        Assert.Equal(-31 * 14730, judged.Line.BerekendBedragSigned);
        Assert.Equal(TariefSource.Contract, judged.Line.TariefSource);
    }

    [Fact]
    public async Task A_rejected_credit_is_granted_nothing_but_keeps_its_signed_berekend_bedrag()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("CR-1", credit: true));

        Assert.Equal(0, judged.Line.ToegekendBedragSigned);
        Assert.Equal(-31 * 14730, judged.Line.BerekendBedragSigned);
    }

    [Fact]
    public async Task A_line_of_a_rejected_client_is_computed_at_its_declared_tariff()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.Invalid).Line("Z015", Aw319Builder.January1, Aw319Builder.January31, 31, 14800));

        Assert.Equal(31 * 14800, judged.Line.BerekendBedragSigned);
        Assert.Equal(0, judged.Line.ToegekendBedragSigned);
    }

    [Fact]
    public async Task The_berekend_bedrag_falls_back_to_the_declared_amount_when_the_product_does_not_fit_eight_positions()
    {
        // 9999 × the contracted 14730 is 147,285,270 cents: more than 0481 holds.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Aw319Builder.January1, Aw319Builder.January31, 9999, 10000));

        judged.Line.Fires(LineRules.L19);
        Assert.Equal(99_990_000, judged.Line.BerekendBedragSigned);
        Assert.True(judged.Line.BerekendBedragSigned <= Aw320Writer.MaxLineAmount);
    }

    [Fact]
    public async Task The_outcome_carries_what_storage_writes_for_the_line()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("DB-1"));

        var line = judged.Line;
        Assert.Equal(0, line.Line);
        Assert.Equal(3, line.RecordNumber);
        Assert.Equal(Clients.Number(Clients.A), line.Bsn);
        Assert.Equal("Z015", line.Prestatiecode.ToString());
        Assert.Equal(Aw319Builder.January1, line.Begindatum);
        Assert.Equal(Aw319Builder.January31, line.Einddatum);
        Assert.Equal(2025, line.Jaar);
        Assert.Equal("DB-1", line.Referentienummer.ToString());
        Assert.True(line.ReferentienummerVoorgaand.IsEmpty);
        Assert.True(line.CreditedDebit.IsEmpty);
        Assert.Equal(-1, line.CreditedDebitLine);
        Assert.False(line.NotJudged);
    }

    [Fact]
    public async Task A_line_whose_dates_cannot_be_read_has_no_year_and_is_computed_at_its_declared_tariff()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Line("Z015", Aw319Builder.January1, Aw319Builder.January31, 31, 14800, edit: l => l.Raw(P.BegindatumPrestatie, "20250000")));

        Assert.Equal(0, judged.Line.Jaar);
        Assert.Equal(TariefSource.Declared, judged.Line.TariefSource);
        Assert.Equal(31 * 14800, judged.Line.BerekendBedragSigned);
    }
}
