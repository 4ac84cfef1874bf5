namespace WlzMessaging.Funding;

/// <summary>
/// Which runs do what for which year. A run falls on the first of a month. The protocol's own dates (werkvoorschot,
/// production, settlement and final runs) come from <see cref="AdvanceProtocol"/>; the shortcuts here read the default
/// protocol (<see cref="FundingSettings.Default"/>) for callers without settings of their own.
/// </summary>
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

    /// <summary>The default protocol's werkvoorschot runs: January and February bridge the months before declarations come in.</summary>
    public static bool IsWerkvoorschotRun(DateOnly runDate) =>
        FundingSettings.Default.ProtocolFor(runDate.Year).WerkvoorschotRuns.Contains(runDate);

    /// <summary>The first run with a production item for the year (default protocol: 1 March).</summary>
    public static DateOnly FirstProductionRun(int year) => FundingSettings.Default.ProtocolFor(year).FirstProductionRun;

    /// <summary>The nacalculatie (default protocol: 1 April of the next year), the last run for the year.</summary>
    public static DateOnly FinalRun(int year) => FundingSettings.Default.ProtocolFor(year).FinalRun;

    /// <summary>The years with a production item in this run, oldest first: at most the previous and the current year.</summary>
    public static IEnumerable<int> ProductionYears(DateOnly runDate) => FundingSettings.Default.Protocols.ProductionYears(runDate);

    /// <summary>e(D): the whole months of the year before the run, at most 12 (1 March → 2, 1 December → 11, next year → 12).</summary>
    public static int ElapsedMonths(int year, DateOnly runDate)
    {
        var months = (runDate.Year - year) * 12 + runDate.Month - 1;
        return Math.Clamp(months, 0, 12);
    }

    /// <summary>The run that settles a werkvoorschot of the year paid in a given run (<see cref="AdvanceProtocol.SettlementRun"/>).</summary>
    public static DateOnly SettlementRun(int year, DateOnly paidInRun) =>
        FundingSettings.Default.ProtocolFor(year).SettlementRun(paidInRun);

    public static DateOnly FirstOfNextMonth(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1);
}
