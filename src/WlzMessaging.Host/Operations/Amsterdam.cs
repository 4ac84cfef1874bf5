namespace WlzMessaging.Host.Operations;

/// <summary>The zorgkantoor's clock: days and times of day in Europe/Amsterdam, whatever the server's time zone.</summary>
internal static class Amsterdam
{
    private static readonly TimeZoneInfo s_zone = FindZone();

    public static TimeZoneInfo Zone => s_zone;

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, s_zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tzdata: CET/CEST by the EU rule (last Sunday of March to last Sunday of October, 01:00 UTC).
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(1), "Europe/Amsterdam", "CET", "CEST", [rule]);
        }
    }
}
