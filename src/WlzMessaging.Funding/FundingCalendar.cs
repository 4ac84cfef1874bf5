namespace WlzMessaging.Funding;

/// <summary>Which runs do what for which year. A run falls on the first of a month.</summary>
public static class FundingCalendar
{
    public static bool IsRunDate(DateOnly date) => date.Day == 1;

    public static void RequireRunDate(DateOnly date, string parameterName)
    {
        if (!IsRunDate(date))
        {
            throw new ArgumentException($"A run falls on the first of a month, not on {date:yyyy-MM-dd}.", parameterName);
        }
    }

    /// <summary>January and February: no declarations of the new year have come in yet, so the werkvoorschot bridges them.</summary>
    public static bool IsWerkvoorschotRun(DateOnly runDate) => runDate.Month is 1 or 2;

    /// <summary>The first run with a production item for the year: 1 March.</summary>
    public static DateOnly FirstProductionRun(int year) => new(year, 3, 1);

    /// <summary>The nacalculatie: 1 April of the next year, the last run for the year.</summary>
    public static DateOnly FinalRun(int year) => new(year + 1, 4, 1);

    /// <summary>The years with a production item in this run, oldest first: at most the previous and the current year.</summary>
    public static IEnumerable<int> ProductionYears(DateOnly runDate)
    {
        for (var year = runDate.Year - 1; year <= runDate.Year; year++)
        {
            if (FirstProductionRun(year) <= runDate && runDate <= FinalRun(year))
            {
                yield return year;
            }
        }
    }

    /// <summary>e(D): the whole months of the year before the run, at most 12 (1 March → 2, 1 December → 11, next year → 12).</summary>
    public static int ElapsedMonths(int year, DateOnly runDate)
    {
        var months = (runDate.Year - year) * 12 + runDate.Month - 1;
        return Math.Clamp(months, 0, 12);
    }

    /// <summary>
    /// The run that settles a werkvoorschot of the year paid in a given run: January's in the next January, February's in the
    /// next February. Decision: a werkvoorschot paid in any other run (only a migrated history has one) is settled as if
    /// paid in the nearer of the two months.
    /// </summary>
    public static DateOnly SettlementRun(int year, DateOnly paidInRun) =>
        paidInRun < new DateOnly(year, 2, 1) ? new DateOnly(year + 1, 1, 1) : new DateOnly(year + 1, 2, 1);

    public static DateOnly FirstOfNextMonth(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1);
}
