using WlzMessaging.Adjudication.Tests.Support;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>L16-L19: a production agreement for the prestatie, meerzorg only with a beschikking, and the agreed tariff.</summary>
public sealed class AgreementAndTariffRuleTests
{
    private static readonly DateOnly Jan1 = Aw319Builder.January1;
    private static readonly DateOnly Jan31 = Aw319Builder.January31;

    [Fact]
    public async Task L16_fires_for_a_prestatie_without_a_production_agreement_that_year()
    {
        // De Linde has no tariff row for Z025 in 2025 (Het Baken has).
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z025", Jan1, Jan31, 31, 16410));

        judged.Line.FiresOnly(LineRules.L16);
        Assert.Equal(TariefSource.Declared, judged.Line.TariefSource);
    }

    [Fact]
    public async Task L16_is_silent_for_an_agreed_prestatie()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("H126", Jan1, Jan31, 300, 105));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L16_is_not_applied_to_credit_lines()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z025", Jan1, Jan31, 31, 16410, "CR-1", credit: true, voorgaand: "DB-1"),
            new History().ApprovedDebit("DB-1", Clients.A, "Z025", Jan1, Jan31, 31 * 16410));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L17_fires_for_meerzorg_without_a_beschikking()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.D).Line("ZMZ01", Jan1, Jan31, 31, 9850));

        judged.Line.FiresOnly(LineRules.L17);
    }

    [Fact]
    public async Task L17_fires_for_meerzorg_over_two_beschikkingen_that_none_covers_wholly()
    {
        // Client A: one beschikking through 30 June, the next from 1 July; a line across the change has neither wholly.
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Invoiced(new DateOnly(2025, 8, 1)).Client(Clients.A).Line("ZMZ01", new DateOnly(2025, 6, 20), new DateOnly(2025, 7, 10), 21, 9850),
            received: new DateOnly(2025, 8, 1));

        judged.Line.FiresOnly(LineRules.L17);
    }

    [Fact]
    public async Task L17_is_silent_for_meerzorg_inside_a_beschikking()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9850));

        judged.Line.IsApproved();
        Assert.Equal(TariefSource.Meerzorg, judged.Line.TariefSource);
        Assert.Equal(9850, judged.Line.AppliedTariefCent);
    }

    [Fact]
    public async Task L18_fires_for_meerzorg_at_another_tariff_than_the_beschikking()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9900));

        judged.Line.FiresOnly(LineRules.L18);
        Assert.Equal(31 * 9850, judged.Line.BerekendBedragSigned);
    }

    [Fact]
    public async Task L18_uses_the_tariff_of_the_beschikking_not_the_contract()
    {
        // From July the beschikking's tariff is 10240, while the contracted ZMZ01 tariff stays 9850.
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Invoiced(new DateOnly(2025, 8, 5)).Client(Clients.A).Line("ZMZ01", new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 31), 31, 10240),
            received: new DateOnly(2025, 8, 5));

        judged.Line.IsApproved();
        Assert.Equal(10240, judged.Line.AppliedTariefCent);
    }

    [Fact]
    public async Task L19_fires_for_another_tariff_than_the_contracted_one()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14800));

        judged.Line.FiresOnly(LineRules.L19);
        Assert.Equal(TariefSource.Contract, judged.Line.TariefSource);
        Assert.Equal(31 * 14730, judged.Line.BerekendBedragSigned);
    }

    [Fact]
    public async Task L19_fires_when_the_agreed_tariff_was_entered_only_after_the_file_arrived()
    {
        // V015's 2025 tariff was entered on 1 March 2025; the file arrived on 10 February.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("V015", Jan1, Jan31, 31, 13450));

        judged.Line.FiresOnly(LineRules.L19);
        Assert.Equal(TariefSource.Declared, judged.Line.TariefSource);
        Assert.Equal(31 * 13450, judged.Line.BerekendBedragSigned);
    }

    [Fact]
    public async Task L19_takes_the_tariff_in_force_on_the_received_date()
    {
        // Z015 2025: 14730 from 2024-12-01, 14895 from 2025-03-01.
        var received = new DateOnly(2025, 3, 5);
        var newTariff = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14895), received: received);
        var oldTariff = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14730), received: received);

        newTariff.Line.IsApproved();
        oldTariff.Line.FiresOnly(LineRules.L19);
        Assert.Equal(31 * 14895, oldTariff.Line.BerekendBedragSigned);
    }

    [Fact]
    public async Task L19_is_silent_for_the_contracted_tariff()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015());

        judged.Line.IsApproved();
        Assert.Equal(14730, judged.Line.AppliedTariefCent);
    }

    [Fact]
    public async Task L19_is_not_applied_to_credit_lines()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14800, "CR-1", credit: true, voorgaand: "DB-1"),
            new History().ApprovedDebit("DB-1", Clients.A, "Z015", Jan1, Jan31, 31 * 14800));

        judged.Line.IsApproved();
    }
}
