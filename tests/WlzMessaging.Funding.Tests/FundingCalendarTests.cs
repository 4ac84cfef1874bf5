namespace WlzMessaging.Funding.Tests;

public sealed class FundingCalendarTests
{
    [Theory]
    [InlineData("2024-01-01", 0)]
    [InlineData("2024-03-01", 2)]
    [InlineData("2024-12-01", 11)]
    [InlineData("2025-01-01", 12)]
    [InlineData("2025-04-01", 12)]
    public void Elapsed_months_are_the_whole_months_of_the_year_before_the_run_at_most_12(string runDate, int expected)
    {
        Assert.Equal(expected, FundingCalendar.ElapsedMonths(2024, Day.Of(runDate)));
    }

    [Theory]
    [InlineData("2024-01-01", new[] { 2023 })]
    [InlineData("2024-02-01", new[] { 2023 })]
    [InlineData("2024-03-01", new[] { 2023, 2024 })]
    [InlineData("2024-04-01", new[] { 2023, 2024 })]
    [InlineData("2024-05-01", new[] { 2024 })]
    [InlineData("2024-12-01", new[] { 2024 })]
    public void Production_runs_for_a_year_go_from_1_March_to_1_April_of_the_next_year(string runDate, int[] years)
    {
        Assert.Equal(years, FundingCalendar.ProductionYears(Day.Of(runDate)));
    }

    [Theory]
    [InlineData("2024-01-01", "2025-01-01")]
    [InlineData("2024-02-01", "2025-02-01")]
    [InlineData("2023-12-01", "2025-01-01")]
    [InlineData("2024-03-01", "2025-02-01")]
    public void A_werkvoorschot_is_settled_in_the_same_month_of_the_next_year(string paidIn, string settledIn)
    {
        Assert.Equal(Day.Of(settledIn), FundingCalendar.SettlementRun(2024, Day.Of(paidIn)));
    }

    [Theory]
    [InlineData("2024-05-15", "2024-06-01")]
    [InlineData("2024-05-01", "2024-06-01")]
    [InlineData("2024-12-31", "2025-01-01")]
    public void The_first_of_the_next_month_follows_any_day(string date, string expected)
    {
        Assert.Equal(Day.Of(expected), FundingCalendar.FirstOfNextMonth(Day.Of(date)));
    }
}
