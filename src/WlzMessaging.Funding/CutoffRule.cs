namespace WlzMessaging.Funding;

/// <summary>
/// The last day a file with lines of a declaration year is accepted (later lines get 8288): a fixed date (VGZ 2024:
/// 25 March 2025), or the Nth working day of a month, counting Monday to Friday except the holidays the protocol lists.
/// </summary>
public sealed record CutoffRule
{
    private CutoffRule(DateOnly? date, int workingDay, int year, int month, IReadOnlyList<DateOnly> holidays)
    {
        FixedDate = date;
        WorkingDay = workingDay;
        Year = year;
        Month = month;
        Holidays = holidays;
    }

    /// <summary>The fixed date, or null for a working-day rule.</summary>
    public DateOnly? FixedDate { get; }

    /// <summary>N of "the Nth working day"; 0 for a fixed date.</summary>
    public int WorkingDay { get; }

    public int Year { get; }

    public int Month { get; }

    /// <summary>Days that are no working day although they fall on Monday to Friday.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    public static CutoffRule On(DateOnly date) => new(date, 0, date.Year, date.Month, []);

    public static CutoffRule NthWorkingDay(int n, int year, int month, IEnumerable<DateOnly> holidays)
    {
        var rule = new CutoffRule(null, n, year, month, holidays.Order().ToArray());
        _ = rule.Date; // a month without N working days is refused here, not at the first file of the year
        return rule;
    }

    /// <summary>The cutoff day itself.</summary>
    public DateOnly Date => FixedDate ?? NthWorkingDayOfMonth();

    /// <summary>The same rule a whole number of years later (a year without its own protocol, <see cref="ProtocolBook"/>).</summary>
    public CutoffRule ShiftedBy(int years) => FixedDate is { } date
        ? On(date.AddYears(years))
        : NthWorkingDay(WorkingDay, Year + years, Month, Holidays.Select(h => h.AddYears(years)));

    public override string ToString() => FixedDate is { } date
        ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : $"working day {WorkingDay} of {Year:D4}-{Month:D2} ({Date:yyyy-MM-dd})";

    private DateOnly NthWorkingDayOfMonth()
    {
        var counted = 0;
        for (var day = new DateOnly(Year, Month, 1); day.Month == Month; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day))
            {
                counted++;
                if (counted == WorkingDay)
                {
                    return day;
                }
            }
        }

        throw new ArgumentOutOfRangeException(nameof(WorkingDay), $"{Year:D4}-{Month:D2} has fewer than {WorkingDay} working days.");
    }
}
