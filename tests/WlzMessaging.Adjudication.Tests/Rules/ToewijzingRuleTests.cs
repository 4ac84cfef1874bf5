using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Reference;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>L20 (0551) and L21 (0553): coverage per toewijzing, and the MAZ periods the toewijzingen' zorgmeldingen give.</summary>
public sealed class ToewijzingRuleTests
{
    private const int DeLinde = Aw319Builder.Instellingscode;
    private const int HetBaken = 73730002;
    private static readonly DateOnly Jan1 = Aw319Builder.January1;
    private static readonly DateOnly Jan31 = Aw319Builder.January31;
    private static readonly DateOnly Since2024 = new(2024, 1, 1);

    private static ToewijzingRow Toewijzing(
        string bsn,
        int zzp = 1,
        Leveringsvorm vorm = Leveringsvorm.Verblijf,
        int agb = DeLinde,
        DateOnly? ingang = null,
        DateOnly? einde = null,
        DateOnly? zorgBegin = null,
        DateOnly? zorgEinde = null,
        bool zorg = true,
        long nummer = 1) =>
        new(Clients.Number(bsn), 900, nummer, zzp, 0, vorm, agb, ingang ?? Since2024, einde, zorg ? zorgBegin ?? Since2024 : null, zorgEinde);

    private static Task<Judgement> Judge(Aw319Builder file, params ToewijzingRow[] toewijzingen) =>
        Judgement.RunAsync(file, reference: RulesReference.With(toewijzingen));

    [Fact]
    public async Task L20_fires_for_a_verblijf_prestatie_under_a_VPT_toewijzing()
    {
        var judged = await Judge(new Aw319Builder().Client(Clients.D).Z015(), Toewijzing(Clients.D, vorm: Leveringsvorm.Vpt));

        judged.Line.FiresOnly(LineRules.L20);
        judged.Line.HasCodes("0551");
    }

    [Fact]
    public async Task L20_is_silent_under_a_verblijf_toewijzing_with_an_active_opname()
    {
        var judged = await Judge(new Aw319Builder().Client(Clients.D).Z015(), Toewijzing(Clients.D));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L20_fires_when_care_has_not_started_yet()
    {
        var judged = await Judge(new Aw319Builder().Client(Clients.D).Z015(), Toewijzing(Clients.D, zorg: false));

        judged.Line.FiresOnly(LineRules.L20);
    }

    [Fact]
    public async Task L20_fires_when_care_ended_during_the_line()
    {
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Client(Clients.D).Z015(),
            reference: RulesReference.With([Toewijzing(Clients.D, zorgEinde: new DateOnly(2025, 1, 20))], maz: []));

        // Without maz.csv rows the MAZ period is the melding's, which ends on the 20th too: L15 beside it.
        judged.Line.Fires(LineRules.L20);
        Assert.Equal(LineRules.L15 | LineRules.L20, judged.Line.Fired);
    }

    [Fact]
    public async Task L20_fires_when_the_toewijzing_was_given_to_another_provider()
    {
        var judged = await Judge(new Aw319Builder().Client(Clients.D).Z015(), Toewijzing(Clients.D, agb: HetBaken));

        judged.Line.FiresOnly(LineRules.L20);
    }

    [Fact]
    public async Task L20_fires_when_the_toewijzing_ends_before_the_line_does()
    {
        var judged = await Judge(new Aw319Builder().Client(Clients.D).Z015(), Toewijzing(Clients.D, einde: new DateOnly(2025, 1, 15)));

        judged.Line.FiresOnly(LineRules.L20);
    }

    [Fact]
    public async Task L20_and_L21_are_not_applied_without_toewijzingen()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.D).Z015());

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L20_and_L21_are_not_applied_to_credit_lines()
    {
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Client(Clients.D).Z015("CR-1", credit: true, voorgaand: "DB-D"),
            new History().ApprovedDebit("DB-D", Clients.D, "Z015", Jan1, Jan31, 31 * 14730),
            reference: RulesReference.With([Toewijzing(Clients.D, vorm: Leveringsvorm.Vpt)]));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L21_fires_for_a_zzp_without_a_toewijzing()
    {
        // ZMZ01 (prestatiegroep 31) needs no verblijf machtiging of its own, so L20 is silent; its ZZP 002 has no toewijzing.
        var judged = await Judge(
            new Aw319Builder().Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9850, edit: l => l.Set(P.Zorgzwaartepakketcode, 2)),
            Toewijzing(Clients.A));

        judged.Line.FiresOnly(LineRules.L21);
        judged.Line.HasCodes("0553");
    }

    [Fact]
    public async Task L21_is_silent_for_a_zzp_with_a_fitting_toewijzing()
    {
        var judged = await Judge(new Aw319Builder().Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9850), Toewijzing(Clients.A));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L21_fires_for_a_Z_prestatie_under_a_VPT_toewijzing()
    {
        var judged = await Judge(
            new Aw319Builder().Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9850),
            Toewijzing(Clients.A, vorm: Leveringsvorm.Vpt));

        judged.Line.FiresOnly(LineRules.L21);
    }

    [Fact]
    public async Task L21_fires_for_a_V_prestatie_under_a_verblijf_toewijzing_and_is_silent_under_VPT()
    {
        // V015 has no tariff in force on the received date in the rules' data: 0611 (L19) on both lines.
        var file = new Aw319Builder().Client(Clients.D).Line("V015", Jan1, Jan31, 31, 13450);

        var underVerblijf = await Judge(file, Toewijzing(Clients.D));
        var underVpt = await Judge(file, Toewijzing(Clients.D, vorm: Leveringsvorm.Vpt));

        Assert.Equal(LineRules.L19 | LineRules.L21, underVerblijf.Line.Fired);
        Assert.Equal(LineRules.L19, underVpt.Line.Fired);
    }

    [Fact]
    public async Task L21_fires_when_the_toewijzing_was_given_to_another_provider()
    {
        var judged = await Judge(
            new Aw319Builder().Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9850),
            Toewijzing(Clients.A, agb: HetBaken));

        judged.Line.FiresOnly(LineRules.L21);
    }

    [Fact]
    public async Task L21_fires_when_no_toewijzing_is_valid_on_every_day_of_the_line()
    {
        // Two toewijzingen with a gap of one day: neither holds the whole month.
        var judged = await Judge(
            new Aw319Builder().Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9850),
            Toewijzing(Clients.A, einde: new DateOnly(2025, 1, 14), nummer: 1),
            Toewijzing(Clients.A, ingang: new DateOnly(2025, 1, 16), nummer: 2));

        judged.Line.FiresOnly(LineRules.L21);
    }

    [Fact]
    public async Task The_MAZ_checks_read_the_care_the_toewijzingen_report()
    {
        // No maz.csv rows at all: the MAZ periods come from the zorgmeldingen alone.
        var snapshot = RulesReference.With([Toewijzing(Clients.D, zorgEinde: new DateOnly(2025, 1, 15))], maz: []);
        var inside = await Judgement.RunAsync(new Aw319Builder().Client(Clients.D).Line("H126", Jan1, new DateOnly(2025, 1, 15), 150, 105), reference: snapshot);
        var after = await Judgement.RunAsync(new Aw319Builder().Client(Clients.D).Line("H126", new DateOnly(2025, 1, 16), Jan31, 150, 105), reference: snapshot);
        var across = await Judgement.RunAsync(new Aw319Builder().Client(Clients.D).Line("H126", new DateOnly(2025, 1, 10), Jan31, 200, 105), reference: snapshot);

        inside.Line.IsApproved();
        after.Line.FiresOnly(LineRules.L14);
        across.Line.FiresOnly(LineRules.L15);
    }
}
