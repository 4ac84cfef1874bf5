namespace WlzMessaging.Adjudication.Tests;

/// <summary>The Dutch working-day calendar behind R01 (lateness).</summary>
public sealed class WerkdagenTests
{
    [Theory]
    [InlineData(1818, 3, 22)] // the earliest possible date
    [InlineData(1943, 4, 25)] // the latest possible date
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    public void Finds_Easter_Sunday(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Werkdagen.Paaszondag(year));
    }

    [Theory]
    [InlineData("2025-01-01")] // Nieuwjaarsdag
    [InlineData("2025-04-18")] // Goede Vrijdag
    [InlineData("2025-04-21")] // Tweede Paasdag
    [InlineData("2025-05-05")] // Bevrijdingsdag
    [InlineData("2025-05-29")] // Hemelvaartsdag
    [InlineData("2025-06-09")] // Tweede Pinksterdag
    [InlineData("2025-12-25")]
    [InlineData("2025-12-26")]
    [InlineData("2024-04-27")] // Koningsdag on a Saturday stays
    public void Knows_the_public_holidays(string date)
    {
        Assert.True(Werkdagen.IsFeestdag(DateOnly.Parse(date)));
        Assert.False(Werkdagen.IsWerkdag(DateOnly.Parse(date)));
    }

    [Fact]
    public void Koningsdag_on_a_Sunday_moves_to_Saturday_26_April()
    {
        Assert.Equal(DayOfWeek.Sunday, new DateOnly(2025, 4, 27).DayOfWeek);

        Assert.True(Werkdagen.IsFeestdag(new DateOnly(2025, 4, 26)));
        Assert.False(Werkdagen.IsFeestdag(new DateOnly(2025, 4, 27)));
        Assert.False(Werkdagen.IsFeestdag(new DateOnly(2024, 4, 26)));
    }

    [Theory]
    [InlineData("2025-01-02", true)]
    [InlineData("2025-01-04", false)] // Saturday
    [InlineData("2025-01-05", false)] // Sunday
    [InlineData("2025-04-22", true)]
    public void A_working_day_is_a_weekday_that_is_no_holiday(string date, bool werkdag)
    {
        Assert.Equal(werkdag, Werkdagen.IsWerkdag(DateOnly.Parse(date)));
    }

    [Fact]
    public void Counts_17_working_days_over_holidays()
    {
        // After April 2025: 1-2 May, then 5 May (Bevrijdingsdag) is skipped; the 17th working day is Monday 26 May.
        Assert.Equal(new DateOnly(2025, 5, 26), Werkdagen.AddWerkdagen(new DateOnly(2025, 4, 30), 17));
        // After December 2024: 1 January is skipped; the 17th working day is Friday 24 January 2025.
        Assert.Equal(new DateOnly(2025, 1, 24), Werkdagen.AddWerkdagen(new DateOnly(2024, 12, 31), 17));
        // Over Easter 2025: Goede Vrijdag and Tweede Paasdag both skipped.
        Assert.Equal(new DateOnly(2025, 4, 22), Werkdagen.AddWerkdagen(new DateOnly(2025, 4, 17), 1));
    }

    [Fact]
    public void A_file_is_late_from_the_day_after_the_17th_working_day_after_the_month()
    {
        Assert.False(Werkdagen.IsLaat(new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 26)));
        Assert.True(Werkdagen.IsLaat(new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 27)));
        // Any day of the month counts from the month's end.
        Assert.False(Werkdagen.IsLaat(new DateOnly(2025, 4, 15), new DateOnly(2025, 5, 26)));
    }
}
