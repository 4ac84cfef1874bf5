using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>The history storage fills, and how the adjudicator uses it without changing it.</summary>
public sealed class DeclarationHistoryTests
{
    private static readonly PrestatieCode Z015 = PrestatieCode.Parse("Z015");
    private static readonly int A = Clients.Number(Clients.A);
    private static readonly DateOnly Jan1 = Aw319Builder.January1;
    private static readonly DateOnly Jan31 = Aw319Builder.January31;

    [Fact]
    public void Knows_the_referentienummers_received()
    {
        var history = new DeclarationHistory();
        history.AddReceived(Referentienummer.FromText("R1"));

        Assert.True(history.WasReceived(Referentienummer.FromText("R1")));
        Assert.False(history.WasReceived(Referentienummer.FromText("R2")));
        Assert.Equal(1, history.ReceivedCount);
    }

    [Fact]
    public void Keeps_a_debit_loaded_twice_once_and_credited_when_either_load_says_so()
    {
        var history = new DeclarationHistory();
        history.AddApprovedDebit(Referentienummer.FromText("D1"), A, Z015, Jan1, Jan31, 100, credited: false);
        history.AddApprovedDebit(Referentienummer.FromText("D1"), A, Z015, Jan1, Jan31, 100, credited: true);

        Assert.Equal(1, history.DebitCount);
        Assert.True(history.TryGetApprovedDebit(Referentienummer.FromText("D1"), out var credited));
        Assert.True(credited);
        Assert.False(history.TryGetApprovedDebit(Referentienummer.FromText("D2"), out _));
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", true)]
    [InlineData("2024-12-01", "2025-01-01", true)]
    [InlineData("2025-01-10", "2025-01-11", true)]
    [InlineData("2025-02-01", "2025-02-28", false)]
    [InlineData("2024-12-01", "2024-12-31", false)]
    public void Finds_an_uncredited_debit_that_shares_a_day_with_the_period(string begin, string end, bool overlaps)
    {
        var history = new DeclarationHistory();
        history.AddApprovedDebit(Referentienummer.FromText("D1"), A, Z015, Jan1, Jan31, 100, credited: false);

        Assert.Equal(overlaps, history.HasUncreditedOverlap(A, Z015, DateOnly.Parse(begin), DateOnly.Parse(end)));
    }

    [Fact]
    public void Ignores_credited_debits_and_other_clients_or_prestaties_for_overlap()
    {
        var history = new DeclarationHistory();
        history.AddApprovedDebit(Referentienummer.FromText("D1"), A, Z015, Jan1, Jan31, 100, credited: true);
        history.AddApprovedDebit(Referentienummer.FromText("D2"), A, PrestatieCode.Parse("H126"), Jan1, Jan31, 100, credited: false);
        history.AddApprovedDebit(Referentienummer.FromText("D3"), Clients.Number(Clients.D), Z015, Jan1, Jan31, 100, credited: false);

        Assert.False(history.HasUncreditedOverlap(A, Z015, Jan1, Jan31));
    }

    [Fact]
    public void Refuses_a_debit_without_reference_or_with_its_period_backwards()
    {
        var history = new DeclarationHistory();

        Assert.Throws<ArgumentException>(() => history.AddApprovedDebit(default, A, Z015, Jan1, Jan31, 100, false));
        Assert.Throws<ArgumentException>(() => history.AddApprovedDebit(Referentienummer.FromText("D1"), A, Z015, Jan31, Jan1, 100, false));
    }

    [Fact]
    public async Task Is_not_changed_by_judging_a_file()
    {
        var history = new History().ApprovedJanuaryZ015("DB-OUD");
        var file = new Aw319Builder().Client(Clients.A).Z015("CR-1", credit: true, voorgaand: "DB-OUD").Z015("DB-NIEUW").Build();

        var judged = await Judgement.RunAsync(file, history);

        Assert.All(judged.Lines, line => line.IsApproved());
        Assert.Equal(1, history.Value.DebitCount);
        Assert.True(history.Value.TryGetApprovedDebit(Referentienummer.FromText("DB-OUD"), out var credited));
        Assert.False(credited);
        Assert.True(history.Value.HasUncreditedOverlap(A, Z015, Jan1, Jan31));
    }
}
