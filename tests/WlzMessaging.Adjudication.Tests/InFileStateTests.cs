using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>
/// The compact in-file state: the prepass's reference set and links, and the adjudicator's file debits, give the answers
/// the dictionaries they replaced gave, on the paths where the two could differ.
/// </summary>
public sealed class InFileStateTests
{
    [Fact]
    public void The_reference_set_tells_many_references_apart_and_numbers_them_in_order()
    {
        var set = new ReferentienummerSet();
        for (var i = 0; i < 100_000; i++)
        {
            Assert.Equal(i, set.Add(Referentienummer.FromText($"REF{i:D12}"), out var added));
            Assert.True(added);
        }

        Assert.Equal(42, set.Add(Referentienummer.FromText("REF000000000042"), out var again));
        Assert.False(again);
        Assert.Equal(-1, set.IndexOf(Referentienummer.FromText("REF000000100000")));
        Assert.Equal(100_000, set.Count);

        set.Seal();
        Assert.Equal("REF000000099999", set[99_999].ToString());
        Assert.Equal(100_000, set.ToArray().Length);
    }

    [Fact]
    public void Debit_links_keep_near_and_far_previous_lines_exactly()
    {
        var links = new DebitLinks(4);
        links.Set(0, -1);
        links.Set(3, 0);
        links.Set(70_000, 3);
        links.Set(70_001, 70_000);

        Assert.Equal(-1, links.PreviousOf(0));
        Assert.Equal(0, links.PreviousOf(3));
        Assert.Equal(3, links.PreviousOf(70_000));
        Assert.Equal(70_000, links.PreviousOf(70_001));
        Assert.Equal(-1, links.PreviousOf(69_999));
    }

    [Fact]
    public async Task A_file_debit_whose_reference_the_history_holds_keeps_the_history_entry()
    {
        // The history holds DB-1 as an approved, already credited debit, without having seen it received (storage always
        // loads both; only a hand-made history differs). The file's own DB-1 is then approved but not added: a later debit
        // of the same client and prestatie finds no uncredited overlap, and a credit of DB-1 finds the credited history line.
        var history = new History();
        history.Value.AddApprovedDebit(
            Referentienummer.FromText("DB-1"), Clients.Number(Clients.A), PrestatieCode.Parse("Z015"),
            Aw319Builder.January1, Aw319Builder.January31, 31 * 14730, credited: true);

        var judged = await Judgement.RunAsync(new Aw319Builder().Client(Clients.A)
            .Z015("DB-1")
            .Z015("DB-2")
            .Line("Z015", Aw319Builder.January1, new DateOnly(2025, 1, 10), 10, 14730, "CR-1", credit: true, voorgaand: "DB-1"),
            history);

        judged.Lines[0].IsApproved();
        judged.Lines[1].IsApproved();
        judged.Lines[2].FiresOnly(LineRules.L10);
    }

    [Fact]
    public async Task A_credit_finds_its_debit_across_clients_and_marks_it_so_a_second_credit_is_refused()
    {
        var judged = await Judgement.RunAsync(new Aw319Builder()
            .Client(Clients.A).Z015("DB-1")
            .Client(Clients.D).Z015("DB-2")
            .Client(Clients.A)
            .Line("Z015", Aw319Builder.January1, new DateOnly(2025, 1, 10), 10, 14730, "CR-1", credit: true, voorgaand: "DB-1")
            .Line("Z015", Aw319Builder.January1, new DateOnly(2025, 1, 5), 5, 14730, "CR-2", credit: true, voorgaand: "DB-1")
            .Z015("DB-3"));

        judged.Lines[0].IsApproved();
        judged.Lines[1].IsApproved();
        judged.Lines[2].IsApproved();
        Assert.Equal(0, judged.Lines[2].CreditedDebitLine);
        judged.Lines[3].FiresOnly(LineRules.L10);

        // DB-1 is credited, so the new January line of A overlaps nothing uncredited.
        judged.Lines[4].IsApproved();
    }
}
