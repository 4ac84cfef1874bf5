using WlzMessaging.Adjudication;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Testing;
using static WlzMessaging.Testing.ReportScenario;

namespace WlzMessaging.Storage.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class ReportQueriesTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ReportRows _rows = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        await SeedAsync(_database.DataSource);
        _rows = await new ReportQueries(_database.DataSource).ReadAsync(new ReportPeriod(From, To, Today));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private FileFigures Total => Assert.Single(_rows.Files, f => f.IsTotal);

    private FileFigures Provider(int agb) => Assert.Single(_rows.Files, f => !f.IsTotal && f.ProviderAgb == agb);

    [Fact]
    public void Counts_the_files_received_in_the_period_by_outcome()
    {
        var total = Total;
        Assert.Equal(8, total.Files);
        Assert.Equal(5, total.Processed);
        Assert.Equal(1, total.RejectedFiles);
        Assert.Equal(1, total.Quarantined);
        Assert.Equal(1, total.InWork);
        Assert.Equal(1, total.TestFiles);
        Assert.Equal(6, total.Answered);
    }

    [Fact]
    public void Counts_lines_and_amounts_from_the_files()
    {
        var total = Total;
        Assert.Equal(13, total.Lines);
        Assert.Equal(8, total.ApprovedLines);
        Assert.Equal(5, total.RejectedLines);
        Assert.Equal(10_000 + 20_000 + 30_000 + 40_000 + 50_000 + 11_000 + 12_000 + 99_000, total.ApprovedCents);
    }

    [Fact]
    public void Measures_receipt_to_AW320_in_Amsterdam_days()
    {
        // Days: 2, 8, 1, 1 (00:30 Amsterdam on the 12th is the 11th in UTC), 23, 0.
        var total = Total;
        Assert.Equal(1.5, total.MedianDays);
        Assert.Equal(23, total.MaxDays);
        Assert.Equal(4, total.WithinAim);
        Assert.Equal(1, total.OverLimit);
        Assert.Equal(1, total.WaitingOverLimit);
        Assert.Equal(1.0, Provider(Baken).MedianDays);
    }

    [Fact]
    public void Lists_the_files_over_the_limit_longest_first_including_one_still_waiting()
    {
        Assert.Collection(
            _rows.Overdue,
            f =>
            {
                Assert.Equal("linde-stuck.asc", f.FileName);
                Assert.Equal("claimed", f.Status);
                Assert.Null(f.AnsweredOn);
                Assert.Equal(34, f.Days);
            },
            f =>
            {
                Assert.Equal("baken-3.asc", f.FileName);
                Assert.Equal(new DateOnly(2025, 3, 28), f.AnsweredOn);
                Assert.Equal(23, f.Days);
            });
    }

    [Fact]
    public void Finds_late_declarations_by_the_17th_working_day_after_their_month()
    {
        Assert.Equal(1, Total.Late);
        Assert.Equal(1, Total.PeriodUnknown);
        var late = Assert.Single(_rows.LateFiles);
        Assert.Equal("linde-jan.asc", late.FileName);
        Assert.Equal(new DateOnly(2025, 2, 25), late.Deadline);
        Assert.Equal(1, Provider(Linde).Late);
        Assert.Equal(0, Provider(Baken).Late);
    }

    [Fact]
    public void The_deadline_is_the_last_day_Werkdagen_IsLaat_accepts()
    {
        for (var month = new DateOnly(2024, 1, 1); month.Year < 2027; month = month.AddMonths(1))
        {
            var deadline = ReportQueries.Deadline(month);
            var end = month.AddMonths(1).AddDays(-1);
            Assert.False(Werkdagen.IsLaat(end, deadline));
            Assert.True(Werkdagen.IsLaat(end, deadline.AddDays(1)));
        }
    }

    [Fact]
    public void Ranks_the_retourcodes_of_rejected_lines_counting_every_slot()
    {
        var codes = _rows.LineCodes.Where(c => c.IsTotal).Select(c => (c.Code, c.Count)).ToList();
        Assert.Equal([(8290, 3), (611, 1), (8215, 1), (8226, 1)], codes.Select(c => ((int)c.Code, c.Count)));
        Assert.Equal(2, _rows.LineCodes.Single(c => !c.IsTotal && c.ProviderAgb == Linde && c.Code == 8290).Count);
        Assert.DoesNotContain(_rows.LineCodes, c => c.Code is 8001 or 8614);
    }

    [Fact]
    public void Counts_the_files_rejected_as_a_whole_by_their_cause_not_under_0001_again()
    {
        Assert.Equal([(30, 1L)], _rows.FileCodes.Where(c => c.IsTotal).Select(c => ((int)c.Code, c.Count)));
        Assert.All(_rows.FileCodes.Where(c => !c.IsTotal), c => Assert.Equal(Baken, c.ProviderAgb));
    }

    [Fact]
    public void Has_a_row_per_provider_with_its_name_and_one_for_files_without_a_provider()
    {
        var linde = Provider(Linde);
        Assert.Equal("Zorggroep De Linde", linde.ProviderName);
        Assert.Equal(4, linde.Files);
        Assert.Equal(3, Provider(Baken).Files);
        Assert.Null(Assert.Single(_rows.Files, f => f.IsTotal).ProviderName);
        var unknown = Assert.Single(_rows.Files, f => !f.IsTotal && f.ProviderAgb is null);
        Assert.Equal(1, unknown.Quarantined);
    }

    [Fact]
    public async Task An_empty_period_has_a_total_of_zeros()
    {
        var rows = await new ReportQueries(_database.DataSource).ReadAsync(new ReportPeriod(new(2020, 1, 1), new(2020, 1, 31), Today));
        var total = Assert.Single(rows.Files);
        Assert.True(total.IsTotal);
        Assert.Equal(0, total.Files);
        Assert.Null(total.MedianDays);
        Assert.Empty(rows.LineCodes);
    }
}
