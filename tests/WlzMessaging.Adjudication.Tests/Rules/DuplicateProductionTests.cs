using WlzMessaging.Adjudication.Tests.Support;

namespace WlzMessaging.Adjudication.Tests.Rules;

/// <summary>
/// L12 and L12a: no second debit for a client, provider and prestatie over a period already approved and not credited; the
/// same line again under a new reference is 8067, any other overlap 8216 (COD954-VEKT).
/// </summary>
public sealed class DuplicateProductionTests
{
    private static readonly DateOnly Jan1 = Aw319Builder.January1;
    private static readonly DateOnly Jan31 = Aw319Builder.January31;

    [Fact]
    public async Task L12a_fires_with_8216_for_a_debit_overlapping_an_approved_debit_in_the_history()
    {
        // On today's main this got 8067, which COD954-VEKT keeps for the identical line.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", new DateOnly(2025, 1, 31), Jan31, 1, 14730),
            new History().ApprovedJanuaryZ015("DB-OUD"));

        judged.Line.FiresOnly(LineRules.L12a);
        judged.Line.HasCodes("8216");
    }

    [Fact]
    public async Task L12_fires_with_8067_alone_for_the_identical_line_declared_again_under_a_new_reference()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("DB-NIEUW"),
            new History().ApprovedJanuaryZ015("DB-OUD"));

        judged.Line.FiresOnly(LineRules.L12);
        judged.Line.HasCodes("8067");
    }

    [Fact]
    public async Task L12a_fires_for_the_same_period_with_another_amount()
    {
        // Same client, prestatie and period, but 30 days declared instead of 31: not the identical line.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Line("Z015", Jan1, Jan31, 30, 14730),
            new History().ApprovedJanuaryZ015("DB-OUD"));

        judged.Line.FiresOnly(LineRules.L12a);
    }

    [Fact]
    public async Task L12_is_silent_for_the_identical_line_when_the_earlier_one_is_credited()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("DB-NIEUW"),
            new History().ApprovedJanuaryZ015("DB-OUD", credited: true));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L12a_fires_for_a_debit_overlapping_a_debit_approved_earlier_in_the_file()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Line("Z015", Jan1, new DateOnly(2025, 1, 15), 15, 14730)
            .Line("Z015", new DateOnly(2025, 1, 15), Jan31, 17, 14730));

        judged.Lines[0].IsApproved();
        judged.Lines[1].FiresOnly(LineRules.L12a);
    }

    [Fact]
    public async Task L12_is_silent_for_adjacent_periods()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Line("Z015", Jan1, new DateOnly(2025, 1, 15), 15, 14730)
            .Line("Z015", new DateOnly(2025, 1, 16), Jan31, 16, 14730));

        Assert.All(judged.Lines, line => line.IsApproved());
    }

    [Fact]
    public async Task L12_is_silent_when_the_earlier_debit_is_credited()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015(),
            new History().ApprovedJanuaryZ015("DB-OUD", credited: true));

        judged.Line.IsApproved();
    }

    [Fact]
    public async Task L12_is_silent_after_a_credit_earlier_in_the_file_reversed_the_history_debit()
    {
        // The correction of a line: first its credit, then the new debit.
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("CR-1", credit: true, voorgaand: "DB-OUD")
            .Z015("DB-NIEUW"),
            new History().ApprovedJanuaryZ015("DB-OUD"));

        judged.Lines[0].IsApproved();
        judged.Lines[1].IsApproved();
    }

    [Fact]
    public async Task L12_fires_when_the_credit_comes_only_after_the_identical_new_debit()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("DB-NIEUW")
            .Z015("CR-1", credit: true, voorgaand: "DB-OUD"),
            new History().ApprovedJanuaryZ015("DB-OUD"));

        judged.Lines[0].FiresOnly(LineRules.L12);
        judged.Lines[1].IsApproved();
    }

    [Fact]
    public async Task L12_is_silent_for_another_prestatie_or_another_client()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A).Line("H126", Jan1, Jan31, 300, 105)
            .Client(Clients.D).Z015(),
            new History().ApprovedJanuaryZ015("DB-OUD"));

        Assert.All(judged.Lines, line => line.IsApproved());
    }

    [Fact]
    public async Task L12_is_silent_when_the_earlier_debit_in_the_file_was_rejected()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015(edit: l => l.Set(Vektis.Aw319Layout.Prestatie.AanduidingPrestatiecodelijst, 56))
            .Z015());

        judged.Lines[0].FiresOnly(LineRules.L02);
        judged.Lines[1].IsApproved();
    }

    [Fact]
    public async Task L12_is_not_applied_to_credit_lines()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A).Z015("CR-1", credit: true, voorgaand: "DB-OUD"),
            new History().ApprovedJanuaryZ015("DB-OUD").ApprovedDebit("DB-ANDER", Clients.A, "Z015", Jan1, Jan31, 1));

        judged.Line.IsApproved();
    }
}
