namespace WlzMessaging.Host.Processing;

/// <summary>
/// Dates as the zorgkantoor's mailbox sees them: the calendar day in Europe/Amsterdam. From the system's time zone data
/// when it is installed (package tzdata), else from the EU rule (CET, CEST from the last Sunday of March to the last
/// Sunday of October, switching at 01:00 UTC), which has held since 1996.
/// </summary>
public static class AmsterdamCalendar
{
    private static readonly TimeZoneInfo? s_zone = Find();

    public static DateOnly Today(TimeProvider? time = null) => DateOf((time ?? TimeProvider.System).GetUtcNow());

    /// <summary>The Amsterdam calendar day of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var local = s_zone is { } zone ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : utc.AddHours(IsSummerTime(utc) ? 2 : 1);
        return DateOnly.FromDateTime(local);
    }

    internal static bool IsSummerTime(DateTime utc)
    {
        var start = LastSunday(utc.Year, 3).AddHours(1);
        var end = LastSunday(utc.Year, 10).AddHours(1);
        return utc >= start && utc < end;
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private static TimeZoneInfo? Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
