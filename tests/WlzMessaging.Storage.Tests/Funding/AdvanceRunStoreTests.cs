using System.Text;
using Npgsql;
using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;
using static WlzMessaging.Testing.Funding.Months;

namespace WlzMessaging.Storage.Tests.Funding;

/// <summary>
/// The storage rules of a run: drafts replaced, dates before an approved run refused, approved runs immutable, adjustments
/// recorded, approval only in order, the payment order's content.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AdvanceRunStoreTests(PostgresFixture fixture) : IAsyncLifetime
{
    /// <summary>Werkvoorschot, J2024 = 120,000,000 (W = 10,204,082), an open 2023 recovery of 5,000,000.</summary>
    private const string A = "41000001";

    /// <summary>Achteraf, J2024 = 24,000,000: no werkvoorschot.</summary>
    private const string B = "41000002";

    /// <summary>Werkvoorschot, J2024 = 60,000,000: W = 6,000,000,000 / 1,176 = 5,102,040.8… → 5,102,041.</summary>
    private const string C = "41000003";

    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(T0);
    private readonly string _out = Path.Combine(Path.GetTempPath(), "wlz-store-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private FundingSeed _seed = null!;
    private AdvanceRunStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        _seed = new FundingSeed(_database.DataSource);
        _store = new AdvanceRunStore(_database.DataSource, time: _clock);

        await _seed.ProviderAsync(A, "werkvoorschot");
        await _seed.ProviderAsync(B, "achteraf");
        await _seed.ProviderAsync(C, "werkvoorschot");
        await _seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        await _seed.AfspraakAsync(B, 2024, 24_000_000, "2024-01-01");
        await _seed.AfspraakAsync(C, 2024, 60_000_000, "2024-01-01");
        await _seed.InvorderingAsync(A, 2023, 5_000_000);
        await _seed.FileAsync(A, "2024-02-10", SeedLine.Amount("H126", "2024-01-15", 9_500_000));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task Computing_a_run_stores_a_draft_of_every_provider_that_reads_back_the_same()
    {
        var computation = await _store.ComputeAsync(Day("2024-01-01"));
        var stored = (await _store.GetRunAsync(Day("2024-01-01")))!;

        Assert.False(computation.ReplacedDraft);
        Assert.Equal(AdvanceRunStatus.Draft, stored.Status);
        Assert.Equal(T0, stored.ComputedAt);
        Assert.Null(stored.HistoryThrough);
        Assert.Equal([A, B, C], stored.Run.Providers.Select(p => p.Agb));
        Assert.Equal(5_204_082, stored.Run.For(A).PaymentCents);
        Assert.Empty(stored.Run.For(B).Items);
        Assert.Equal(0, stored.Run.For(B).PaymentCents);
        Assert.Equal([new FundingItem(ItemKind.Werkvoorschot, 2024, 5_102_041)], stored.Run.For(C).Items);
        foreach (var computed in computation.Run.Run.Providers)
        {
            var read = stored.Run.For(computed.Agb);
            Assert.Equal(computed.Items, read.Items);
            Assert.Equal(computed.Production, read.Production);
            Assert.Equal(computed.RecoveriesOpenBefore, read.RecoveriesOpenBefore);
            Assert.Equal(computed.RecoveriesCarriedForward, read.RecoveriesCarriedForward);
            Assert.Equal(computed.PaymentCents, read.PaymentCents);
        }
    }

    [Fact]
    public async Task Computing_the_same_date_again_replaces_the_draft_with_what_the_database_holds_now()
    {
        await _store.ComputeAsync(Day("2024-03-01"));
        await _seed.FileAsync(A, "2024-02-28", SeedLine.Amount("H126", "2024-02-01", 500_000));
        _clock.Advance(TimeSpan.FromHours(1));

        var again = await _store.ComputeAsync(Day("2024-03-01"));

        Assert.True(again.ReplacedDraft);
        var stored = (await _store.GetRunAsync(Day("2024-03-01")))!;
        Assert.Equal(T0.AddHours(1), stored.ComputedAt);
        Assert.Equal(10_000_000, stored.Run.For(A).AmountOf(ItemKind.Productie, 2024));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM advance_run"));
        Assert.Equal(
            (long)stored.Run.Providers.Sum(p => p.Items.Count),
            await ScalarAsync<long>("SELECT count(*) FROM advance_item"));
    }

    [Fact]
    public async Task Computing_a_draft_again_drops_its_adjustments_and_marks_them_superseded()
    {
        await _store.ComputeAsync(Day("2024-01-01"));
        await _store.AdjustAsync(Request(A, 9_000_000, "liquiditeit"));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var again = await _store.ComputeAsync(Day("2024-01-01"));

        Assert.Equal(1, again.SupersededAdjustments);
        Assert.DoesNotContain(again.Run.Run.For(A).Items, i => i.Kind == ItemKind.Correctie);
        var adjustment = Assert.Single(await _store.GetAdjustmentsAsync(Day("2024-01-01")));
        Assert.Equal(T0.AddMinutes(5), adjustment.SupersededAt);
    }

    [Fact]
    public async Task A_date_before_an_approved_run_is_refused_and_changes_nothing()
    {
        await ApproveAsync("2024-02-01");

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.ComputeAsync(Day("2024-01-01")));

        Assert.Equal(
            "the run of 2024-02-01 is approved: a run on 2024-01-01, before it, would change what later runs computed from and is refused",
            refused.Message);
        Assert.Equal([(Day("2024-02-01"), AdvanceRunStatus.Approved)], await _store.ListRunsAsync());
    }

    [Fact]
    public async Task The_date_of_an_approved_run_is_refused()
    {
        await ApproveAsync("2024-01-01");

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.ComputeAsync(Day("2024-01-01")));

        Assert.Equal("the run of 2024-01-01 is approved (by finance on 2024-01-02 09:00 UTC) and cannot change", refused.Message);
    }

    [Theory]
    [InlineData("2024-01-02")]
    [InlineData("2024-02-29")]
    public async Task A_date_that_is_not_the_first_of_a_month_is_refused(string date)
    {
        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.ComputeAsync(Day(date)));

        Assert.Equal($"a run falls on the first of a month, not on {date}", refused.Message);
    }

    [Fact]
    public async Task An_approved_run_cannot_be_adjusted_approved_again_or_discarded()
    {
        await ApproveAsync("2024-01-01");

        var adjust = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.AdjustAsync(Request(A, 1, "te laat")));
        var approve = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.ApproveAsync(Day("2024-01-01"), "x", _out));
        var discard = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.DiscardAsync(Day("2024-01-01")));

        Assert.All(
            [adjust.Message, approve.Message, discard.Message],
            m => Assert.Equal("the run of 2024-01-01 is approved (by finance on 2024-01-02 09:00 UTC) and cannot change", m));
        Assert.Equal(5_204_082, (await _store.GetRunAsync(Day("2024-01-01")))!.Run.For(A).PaymentCents);
    }

    [Theory]
    [InlineData("UPDATE advance_item SET amount_cents = amount_cents + 1")]
    [InlineData("DELETE FROM advance_item")]
    [InlineData("UPDATE advance_provider SET payment_cents = 0")]
    [InlineData("DELETE FROM advance_recovery")]
    [InlineData("UPDATE advance_production SET paid_before_cents = 1")]
    [InlineData("INSERT INTO advance_item (run_date, agb, position, year, kind, amount_cents) VALUES ('2024-01-01', 41000003, 9, 2024, 'productie', 1)")]
    [InlineData("UPDATE advance_run SET status = 'draft', approved_by = NULL, approved_at = NULL")]
    [InlineData("DELETE FROM advance_run")]
    public async Task The_database_itself_refuses_to_change_an_approved_run(string sql)
    {
        await ApproveAsync("2024-01-01");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));

        Assert.Equal("the advance run of 2024-01-01 is approved and cannot change", refused.MessageText);
    }

    [Theory]
    [InlineData("UPDATE advance_payment_order SET total_cents = 0")]
    [InlineData("DELETE FROM advance_payment_order")]
    public async Task The_database_refuses_to_change_a_payment_order(string sql)
    {
        await ApproveAsync("2024-01-01");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));

        Assert.Equal("the payment order of 2024-01-01 is written and cannot change", refused.MessageText);
    }

    [Fact]
    public async Task An_adjustment_is_recorded_with_who_when_the_old_and_the_new_amount_and_why()
    {
        await _store.ComputeAsync(Day("2024-01-01"));
        _clock.Advance(TimeSpan.FromMinutes(30));

        var first = await _store.AdjustAsync(Request(C, 5_000_000, "  afgerond op 50.000 euro ", by: "j.jansen"));
        _clock.Advance(TimeSpan.FromMinutes(30));
        var second = await _store.AdjustAsync(Request(C, 4_000_000, "verder verlaagd", by: "p.pietersen"));

        Assert.Equal(
            [
                new AdvanceAdjustment
                {
                    Id = first.Adjustment.Id, RunDate = Day("2024-01-01"), Agb = C, Kind = ItemKind.Werkvoorschot, Year = 2024,
                    ComputedCents = 5_102_041, OldCents = 5_102_041, NewCents = 5_000_000, Reason = "afgerond op 50.000 euro",
                    AdjustedBy = "j.jansen", AdjustedAt = T0.AddMinutes(30),
                },
                new AdvanceAdjustment
                {
                    Id = second.Adjustment.Id, RunDate = Day("2024-01-01"), Agb = C, Kind = ItemKind.Werkvoorschot, Year = 2024,
                    ComputedCents = 5_102_041, OldCents = 5_000_000, NewCents = 4_000_000, Reason = "verder verlaagd",
                    AdjustedBy = "p.pietersen", AdjustedAt = T0.AddMinutes(60),
                },
            ],
            await _store.GetAdjustmentsAsync(Day("2024-01-01")));

        var stored = (await _store.GetRunAsync(Day("2024-01-01")))!.Run.For(C);
        Assert.Equal(
            [
                new FundingItem(ItemKind.Werkvoorschot, 2024, 5_102_041),
                new FundingItem(ItemKind.Correctie, 2024, -1_102_041, ItemKind.Werkvoorschot),
            ],
            stored.Items);
        Assert.Equal(4_000_000, stored.PaymentCents);
        Assert.Equal(stored.Items, second.After.Items);
        Assert.Equal(5_000_000, second.Before.PaymentCents);
    }

    [Fact]
    public async Task An_adjustment_offsets_the_open_recoveries_again_against_the_new_total()
    {
        await _store.ComputeAsync(Day("2024-01-01"));

        var result = await _store.AdjustAsync(Request(A, 4_000_000, "eerst de administratie op orde"));

        var stored = (await _store.GetRunAsync(Day("2024-01-01")))!.Run.For(A);
        Assert.Equal(
            [
                new FundingItem(ItemKind.Werkvoorschot, 2024, 10_204_082),
                new FundingItem(ItemKind.Correctie, 2024, -6_204_082, ItemKind.Werkvoorschot),
                new FundingItem(ItemKind.Invordering, 2023, -4_000_000),
            ],
            stored.Items);
        Assert.Equal(0, stored.PaymentCents);
        Assert.Equal([new RecoveryBalance(2023, 1_000_000)], stored.RecoveriesCarriedForward);
        Assert.Equal([new RecoveryBalance(2023, 5_000_000)], stored.RecoveriesOpenBefore);
        Assert.Equal(10_204_082, result.Adjustment.OldCents);
    }

    [Fact]
    public async Task Without_kind_and_year_an_adjustment_needs_exactly_one_item_to_set()
    {
        await _seed.AfspraakAsync(C, 2023, 12_000_000, "2023-01-01");
        await _seed.FileAsync(C, "2024-01-10", SeedLine.Amount("H126", "2023-12-04", 1_000_000));
        await _seed.FileAsync(C, "2024-02-10", SeedLine.Amount("H126", "2024-01-08", 2_000_000));
        await _store.ComputeAsync(Day("2024-03-01"));

        var ambiguous = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.AdjustAsync(Request(C, 0, "x", date: "2024-03-01")));
        var of2023 = await _store.AdjustAsync(Request(C, 0, "geschil over 2023", date: "2024-03-01") with { Year = 2023 });
        var none = await Assert.ThrowsAsync<FundingRefusedException>(
            () => _store.AdjustAsync(Request(C, 0, "x", date: "2024-03-01") with { Kind = ItemKind.Werkvoorschot }));

        Assert.Equal(
            "provider 41000003 has several items in the run of 2024-03-01 (productie 2023, productie 2024): name the kind and year of the one to set",
            ambiguous.Message);
        Assert.Equal((ItemKind.Productie, 2023, 1_000_000L), (of2023.Adjustment.Kind, of2023.Adjustment.Year, of2023.Adjustment.OldCents));
        Assert.Equal(2_000_000, of2023.After.PaymentCents);
        Assert.Equal(
            "provider 41000003 has no item werkvoorschot in the run of 2024-03-01: name the kind and year of the item to set",
            none.Message);
    }

    [Fact]
    public async Task An_item_the_run_does_not_have_can_be_set_when_kind_and_year_are_named()
    {
        await _store.ComputeAsync(Day("2024-01-01"));

        var result = await _store.AdjustAsync(Request(B, 1_500_000, "uitzondering: voorschot met akkoord directie") with
        {
            Kind = ItemKind.Werkvoorschot,
            Year = 2024,
        });

        Assert.Equal(0, result.Adjustment.OldCents);
        Assert.Equal([new FundingItem(ItemKind.Correctie, 2024, 1_500_000, ItemKind.Werkvoorschot)], result.After.Items);
        Assert.Equal(1_500_000, result.After.PaymentCents);
    }

    [Theory]
    [InlineData(ItemKind.Invordering, "an invordering follows from the total and cannot be set by hand: adjust the item it is offset against")]
    [InlineData(ItemKind.Correctie, "a correctie is made by setting the item it corrects: name that item's kind")]
    public async Task An_invordering_or_a_correctie_cannot_be_set_by_hand(ItemKind kind, string message)
    {
        await _store.ComputeAsync(Day("2024-01-01"));

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(
            () => _store.AdjustAsync(Request(A, 0, "x") with { Kind = kind, Year = 2023 }));

        Assert.Equal(message, refused.Message);
    }

    [Theory]
    [InlineData("", "finance", "an adjustment needs a reason")]
    [InlineData("reden", " ", "an adjustment needs the name of the operator who makes it")]
    public async Task An_adjustment_needs_a_reason_and_a_name(string reason, string by, string message)
    {
        await _store.ComputeAsync(Day("2024-01-01"));

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.AdjustAsync(Request(A, 0, reason, by)));

        Assert.Equal(message, refused.Message);
        Assert.Empty(await _store.GetAdjustmentsAsync(Day("2024-01-01")));
    }

    [Fact]
    public async Task The_next_run_pays_what_an_adjustment_held_back()
    {
        await ApproveAsync("2024-01-01", "2024-02-01");
        await _store.ComputeAsync(Day("2024-03-01"));
        await _store.AdjustAsync(Request(A, 0, "declaraties in onderzoek", date: "2024-03-01"));
        await _store.ApproveAsync(Day("2024-03-01"), "finance", _out);

        var april = (await _store.ComputeAsync(Day("2024-04-01"))).Run.Run.For(A);

        Assert.Equal([new FundingItem(ItemKind.Productie, 2024, 9_500_000)], april.Items);
        Assert.Equal(0, april.ProductionOf(2024)!.PaidBeforeCents);
    }

    [Fact]
    public async Task A_draft_is_not_approved_while_an_earlier_run_is_still_a_draft()
    {
        await _store.ComputeAsync(Day("2024-01-01"));
        await _store.ComputeAsync(Day("2024-02-01"));

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.ApproveAsync(Day("2024-02-01"), "finance", _out));

        Assert.Equal(
            "the run of 2024-01-01 is still a draft: approve or discard it first, then compute the run of 2024-02-01 again",
            refused.Message);
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public async Task A_draft_computed_before_an_earlier_run_was_approved_must_be_computed_again()
    {
        await _store.ComputeAsync(Day("2024-01-01"));
        var early = await _store.ComputeAsync(Day("2024-02-01"));
        await _store.ApproveAsync(Day("2024-01-01"), "finance", _out);

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.ApproveAsync(Day("2024-02-01"), "finance", _out));
        var again = await _store.ComputeAsync(Day("2024-02-01"));
        await _store.ApproveAsync(Day("2024-02-01"), "finance", _out);

        Assert.Equal(
            "the run of 2024-02-01 was computed before the run of 2024-01-01 was approved: compute it again, then approve it",
            refused.Message);
        Assert.Equal([Day("2024-01-01")], early.EarlierDrafts);
        Assert.Null(early.Run.HistoryThrough);
        Assert.Equal(Day("2024-01-01"), again.Run.HistoryThrough);

        // Counted without January's offset, the early draft offset the 2023 recovery again; computed again, it does not.
        Assert.Equal(5_204_082, early.Run.Run.For(A).PaymentCents);
        Assert.Equal(10_204_082, again.Run.Run.For(A).PaymentCents);
    }

    [Fact]
    public async Task Approval_writes_the_payment_order_for_the_CAK_with_a_total_row_and_keeps_a_copy()
    {
        await _store.ComputeAsync(Day("2024-01-01"));
        _clock.Advance(TimeSpan.FromDays(1));

        var approval = await _store.ApproveAsync(Day("2024-01-01"), " finance ", _out);

        const string Expected =
            "agb;amount;period;description\n" +
            "41000001;5204082;2024-01;Wlz-voorschot 2024-01: werkvoorschot 2024 10204082, invordering 2023 -5000000\n" +
            "41000003;5102041;2024-01;Wlz-voorschot 2024-01: werkvoorschot 2024 5102041\n" +
            "totaal;10306123;2024-01;2 betalingen\n";
        var path = Path.Combine(_out, "betaalopdracht-2024-01-01.csv");
        Assert.Equal(path, approval.PaymentOrder.Path);
        Assert.Equal(Expected, await File.ReadAllTextAsync(path));
        Assert.Equal(Encoding.UTF8.GetBytes(Expected), await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(_out));
        Assert.Equal(10_306_123, approval.PaymentOrder.TotalCents);

        var stored = (await _store.GetRunAsync(Day("2024-01-01")))!;
        Assert.Equal(AdvanceRunStatus.Approved, stored.Status);
        Assert.Equal("finance", stored.ApprovedBy);
        Assert.Equal(T0.AddDays(1), stored.ApprovedAt);
        var kept = (await _store.GetPaymentOrderAsync(Day("2024-01-01")))!.Value;
        Assert.Equal("betaalopdracht-2024-01-01.csv", kept.FileName);
        Assert.Equal(Encoding.UTF8.GetBytes(Expected), kept.Content);
    }

    [Fact]
    public async Task A_run_that_pays_nobody_writes_a_payment_order_of_only_the_total_row()
    {
        await using (var connection = await _database.OpenConnectionAsync())
        {
            await Sql.ExecuteAsync(connection, "DELETE FROM afspraak");
        }

        await ApproveAsync("2024-01-01");

        Assert.Equal(
            "agb;amount;period;description\ntotaal;0;2024-01;0 betalingen\n",
            await File.ReadAllTextAsync(Path.Combine(_out, "betaalopdracht-2024-01-01.csv")));
    }

    [Fact]
    public async Task Approval_does_not_overwrite_a_file_and_approves_nothing_then()
    {
        await _store.ComputeAsync(Day("2024-01-01"));
        Directory.CreateDirectory(_out);
        var path = Path.Combine(_out, "betaalopdracht-2024-01-01.csv");
        await File.WriteAllTextAsync(path, "earlier");

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.ApproveAsync(Day("2024-01-01"), "finance", _out));

        Assert.Equal($"{path} exists already: move it away, or give another directory", refused.Message);
        Assert.Equal("earlier", await File.ReadAllTextAsync(path));
        Assert.Equal(AdvanceRunStatus.Draft, (await _store.GetRunAsync(Day("2024-01-01")))!.Status);
    }

    [Fact]
    public async Task Discarding_a_draft_removes_it_and_its_adjustments_no_longer_apply()
    {
        await _store.ComputeAsync(Day("2024-01-01"));
        await _store.AdjustAsync(Request(A, 0, "x"));

        Assert.True(await _store.DiscardAsync(Day("2024-01-01")));
        Assert.False(await _store.DiscardAsync(Day("2024-01-01")));

        Assert.Null(await _store.GetRunAsync(Day("2024-01-01")));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM advance_item"));
        Assert.NotNull(Assert.Single(await _store.GetAdjustmentsAsync(Day("2024-01-01"))).SupersededAt);
    }

    [Fact]
    public async Task The_year_statement_needs_an_approved_run_of_the_provider()
    {
        await _store.ComputeAsync(Day("2024-01-01"));

        var refused = await Assert.ThrowsAsync<FundingRefusedException>(() => _store.GetYearStatementAsync(A, 2024));

        Assert.Equal("no approved run since 2024-01-01 has provider 41000001", refused.Message);
    }

    private static AdjustmentRequest Request(string agb, long cents, string reason, string by = "finance", string date = "2024-01-01") =>
        new() { RunDate = Day(date), Agb = agb, NewAmountCents = cents, Reason = reason, AdjustedBy = by };

    private async Task ApproveAsync(params string[] dates)
    {
        foreach (var date in dates)
        {
            await _store.ComputeAsync(Day(date));
            await _store.ApproveAsync(Day(date), "finance", _out);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _database.OpenConnectionAsync();
        return await Sql.ScalarAsync<T>(connection, sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await Sql.ExecuteAsync(connection, sql);
    }
}
