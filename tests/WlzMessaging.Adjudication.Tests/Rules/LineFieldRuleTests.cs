using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Vektis;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>L01-L05: the line's own fields against the received date, the koppeltabel and its arithmetic.</summary>
public sealed class LineFieldRuleTests
{
    private static readonly DateOnly Jan1 = Aw319Builder.January1;
    private static readonly DateOnly Jan31 = Aw319Builder.January31;

    [Fact]
    public async Task L01_fires_when_the_begin_date_lies_after_the_end_date()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Jan31, Jan1, 31, 14730));

        judged.Line.FiresOnly(LineRules.L01);
    }

    [Fact]
    public async Task L01_fires_when_the_end_date_lies_after_the_received_date()
    {
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Invoiced(Aw319Builder.Received).Client(Clients.A).Line("Z015", new DateOnly(2025, 2, 1), Aw319Builder.Received.AddDays(1), 11, 14730));

        // The end date lies after the invoice date too (L01c); L01 is the rule of this test.
        judged.Line.Fires(LineRules.L01);
        Assert.Equal(LineRules.L01 | LineRules.L01c, judged.Line.Fired);
    }

    [Fact]
    public async Task L01_fires_for_a_date_that_does_not_exist()
    {
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Raw(P.EinddatumPrestatie, "20250231")));

        judged.Line.FiresOnly(LineRules.L01);
        Assert.Null(judged.Line.Einddatum);
    }

    [Fact]
    public async Task L01_is_silent_for_care_up_to_and_including_the_received_date()
    {
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Invoiced(Aw319Builder.Received).Client(Clients.A).Line("Z015", new DateOnly(2025, 2, 1), Aw319Builder.Received, 10, 14730));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L02_fires_for_a_list_other_than_055()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Set(P.AanduidingPrestatiecodelijst, 56)));

        judged.Line.FiresOnly(LineRules.L02);
    }

    [Fact]
    public async Task L02_is_silent_for_list_055()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Raw(P.AanduidingPrestatiecodelijst, "055")));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L03_fires_for_a_code_that_is_not_in_the_koppeltabel()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("X999", Jan1, Jan31, 31, 14730));

        judged.Line.Fires(LineRules.L03);
        Assert.Equal("0582", judged.Line.Retourcodes[0].ToString());
    }

    [Fact]
    public async Task L03_fires_for_a_code_whose_validity_ends_inside_the_period()
    {
        // F125 is valid through 2025-01-15.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("F125", Jan1, Jan31, 31, 6120));

        judged.Line.FiresOnly(LineRules.L03);
    }

    [Fact]
    public async Task L03_judges_only_the_existence_of_a_code_when_the_dates_are_invalid()
    {
        var known = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("F125", Jan31, Jan1, 31, 6120));
        var unknown = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("X999", Jan31, Jan1, 31, 6120));

        known.Line.FiresOnly(LineRules.L01);
        Assert.Equal(LineRules.L01 | LineRules.L03, unknown.Line.Fired);
    }

    [Fact]
    public async Task L03_is_silent_for_a_code_valid_on_every_day_of_the_period()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("F125", Jan1, new DateOnly(2025, 1, 15), 15, 6120));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L04_fires_for_a_zzp_code_the_koppeltabel_does_not_allow()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Set(P.Zorgzwaartepakketcode, 2)));

        judged.Line.FiresOnly(LineRules.L04);
    }

    [Fact]
    public async Task L04_fires_for_a_functiecode_the_koppeltabel_does_not_allow()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Line("H126", Jan1, Jan31, 300, 105, edit: l => l.Set(P.Functiecode, 5)));

        judged.Line.FiresOnly(LineRules.L04);
    }

    [Fact]
    public async Task L04_is_silent_for_an_allowed_combination()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("H126", Jan1, Jan31, 300, 105));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L05_fires_when_the_berekend_bedrag_is_not_aantal_times_tarief()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015(edit: l => l.Set(P.BerekendBedrag, 31 * 14730 + 1).Set(P.Declaratiebedrag, 31 * 14730 + 1)));

        judged.Line.FiresOnly(LineRules.L05);
    }

    [Fact]
    public async Task L05_fires_when_the_declaratiebedrag_differs_from_the_berekend_bedrag()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Set(P.Declaratiebedrag, 31 * 14730 - 100)));

        judged.Line.FiresOnly(LineRules.L05);
    }

    [Fact]
    public async Task L05a_fires_with_0631_not_8215_when_the_two_debit_credit_indicators_differ()
    {
        // On today's main this line got 8215 (amount), a code that says nothing about the sign.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Set(P.IndicatieDebetCredit01, "C")));

        judged.Line.FiresOnly(LineRules.L05a);
        judged.Line.HasCodes("0631");
    }

    [Fact]
    public async Task L05a_leaves_an_indicator_that_is_neither_D_nor_C_to_the_reader()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Raw(P.IndicatieDebetCredit01, "X")));

        Assert.Equal(LineRules.None, judged.Line.Fired);
        judged.Line.HasCodes("0631");
        Assert.False(judged.Line.Approved);
    }

    [Fact]
    public async Task L01a_fires_with_8176_for_a_line_of_one_day_after_the_invoice_date()
    {
        var day = new DateOnly(2025, 2, 7);
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("H126", day, day, 60, 105));

        judged.Line.FiresOnly(LineRules.L01a);
        judged.Line.HasCodes("8176");
    }

    [Fact]
    public async Task L01b_and_L01c_fire_with_8177_and_8178_for_a_period_that_begins_after_the_invoice_date()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("H126", new DateOnly(2025, 2, 6), new DateOnly(2025, 2, 7), 60, 105));

        Assert.Equal(LineRules.L01b | LineRules.L01c, judged.Line.Fired);
        judged.Line.HasCodes("8177 8178");
        Assert.False(judged.Line.Approved);
    }

    [Fact]
    public async Task L01c_fires_alone_with_8178_for_a_period_that_ends_after_the_invoice_date()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("H126", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 6), 60, 105));

        judged.Line.FiresOnly(LineRules.L01c);
    }

    [Fact]
    public async Task L01a_to_L01c_are_silent_for_care_up_to_and_including_the_invoice_date()
    {
        var invoiced = new DateOnly(2025, 2, 5);
        var oneDay = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("H126", invoiced, invoiced, 60, 105));
        var period = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("H126", new DateOnly(2025, 2, 1), invoiced, 60, 105));

        oneDay.Line.IsApproved();
        period.Line.IsApproved();
    }

    [Fact]
    public async Task L05_is_silent_when_the_amounts_add_up()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015());

        judged.Line.IsApproved();
        Assert.Equal(31 * 14730, judged.Line.DeclaratiebedragSigned);
    }

    [Fact]
    public async Task The_readers_faults_come_first_then_the_rules_in_catalogue_order_three_at_most()
    {
        // 0404 differs from the 02 (the reader: 0018), list 056 (L02), ZZP 002 (L04), a client without MAZ (L14).
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.C)
            .Z015(edit: l => l.Set(P.UzoviNummer, 1234).Set(P.AanduidingPrestatiecodelijst, 56).Set(P.Zorgzwaartepakketcode, 2)));

        judged.Line.HasCodes("0018 0581 1113");
        Assert.Equal(LineRules.L02 | LineRules.L04 | LineRules.L14, judged.Line.Fired);
        Assert.False(judged.Line.Approved);
    }

    [Fact]
    public async Task A_line_with_a_readers_fault_alone_is_rejected_with_that_fault()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(edit: l => l.Set(P.CodeIndicatieorgaan, 2)));

        judged.Line.HasCodes(Retourcodes.CodeIndicatieorgaanWijktAf.ToString());
        Assert.Equal(LineRules.None, judged.Line.Fired);
        Assert.False(judged.Line.Approved);
    }
}
