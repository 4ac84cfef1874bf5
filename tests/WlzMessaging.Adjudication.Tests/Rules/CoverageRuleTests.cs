using WlzMessaging.Adjudication.Tests.Support;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>L14-L15: care must lie inside a MAZ-MEZ period of this client with this provider.</summary>
public sealed class CoverageRuleTests
{
    private static readonly DateOnly Jan1 = Aw319Builder.January1;

    [Fact]
    public async Task L14_fires_for_a_client_without_a_maz_of_this_provider()
    {
        // Client C has a MAZ with Het Baken only.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.C).Z015());

        judged.Line.FiresOnly(LineRules.L14);
    }

    [Fact]
    public async Task L14_is_silent_for_a_client_with_an_open_maz()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.D).Z015());

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L15_fires_for_a_line_that_runs_past_the_mez()
    {
        // Client B's care ended on 15 January 2025.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.B).Z015());

        judged.Line.FiresOnly(LineRules.L15);
    }

    [Fact]
    public async Task L14_fires_for_a_line_wholly_after_the_mez()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.B).Line("Z015", new DateOnly(2025, 1, 16), Aw319Builder.January31, 16, 14730));

        judged.Line.FiresOnly(LineRules.L14);
    }

    [Fact]
    public async Task L15_is_silent_for_a_line_ending_on_the_day_of_the_mez()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.B).Line("Z015", Jan1, new DateOnly(2025, 1, 15), 15, 14730));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L14_and_L15_are_not_applied_to_credit_lines()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.C).Z015("CR-1", credit: true, voorgaand: "DB-C"),
            new History().ApprovedDebit("DB-C", Clients.C, "Z015", Jan1, Aw319Builder.January31, 31 * 14730));

        judged.Line.IsApproved();
    }
}
