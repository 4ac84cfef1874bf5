using WlzMessaging.Adjudication.Tests.Support;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>L13: a declaration year closes at its cutoff (default 25 March of the next year, configurable per year).</summary>
public sealed class CutoffRuleTests
{
    private static readonly DateOnly Dec1 = new(2024, 12, 1);
    private static readonly DateOnly Dec31 = new(2024, 12, 31);

    private static Aw319Builder December2024() => new Aw319Builder().Client(Clients.A).Line("Z015", Dec1, Dec31, 31, 14250, "DB-DEC");

    [Fact]
    public async Task L13_fires_for_a_2024_line_received_after_25_March_2025()
    {
        var judged = await Judgement.RunAsync(December2024(), received: new DateOnly(2025, 3, 26));

        judged.Line.FiresOnly(LineRules.L13);
    }

    [Fact]
    public async Task L13_is_silent_for_a_2024_line_received_on_25_March_2025()
    {
        var judged = await Judgement.RunAsync(December2024(), received: new DateOnly(2025, 3, 25));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L13_follows_a_configured_cutoff()
    {
        var later = new AdjudicationSettings(new Dictionary<int, DateOnly> { [2024] = new(2025, 4, 30) });
        var earlier = new AdjudicationSettings(new Dictionary<int, DateOnly> { [2024] = new(2025, 2, 1) });

        var open = await Judgement.RunAsync(December2024(), received: new DateOnly(2025, 3, 26), settings: later);
        var closed = await Judgement.RunAsync(December2024(), received: new DateOnly(2025, 2, 10), settings: earlier);

        open.Line.IsApproved();
        closed.Line.FiresOnly(LineRules.L13);
    }

    [Fact]
    public async Task L13_takes_the_year_of_the_begin_date()
    {
        // Care from 31 December 2024 into January 2025 belongs to 2024.
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Client(Clients.A).Line("Z015", Dec31, new DateOnly(2025, 1, 1), 2, 14250),
            received: new DateOnly(2025, 3, 26));

        judged.Line.Fires(LineRules.L13);
        Assert.Equal(2024, judged.Line.Jaar);
    }

    [Fact]
    public async Task L13_applies_to_credit_lines_too()
    {
        var judged = await Judgement.RunAsync(
            new Aw319Builder().Client(Clients.A).Line("Z015", Dec1, Dec31, 31, 14250, "CR-DEC", credit: true, voorgaand: "DB-DEC"),
            new History().ApprovedDebit("DB-DEC", Clients.A, "Z015", Dec1, Dec31, 31 * 14250),
            received: new DateOnly(2025, 3, 26));

        judged.Line.FiresOnly(LineRules.L13);
    }
}
