using System.Globalization;

namespace WlzMessaging.Ingestion;

/// <summary>
/// The zorgkantoor's clock, the one place that knows Europe/Amsterdam: days and times of day there, whatever the server's
/// time zone. The current instant always comes from a <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> in
/// production), so tests can set the clock.
/// </summary>
public static class Amsterdam
{
    private static readonly TimeZoneInfo s_zone = FindZone();

    public static TimeZoneInfo Zone => s_zone;

    /// <summary>
    /// CET/CEST by the EU rule (last Sunday of March to last Sunday of October, switching at 01:00 UTC), which has held since
    /// 1996: the zone on a machine without time zone data (package tzdata).
    /// </summary>
    internal static TimeZoneInfo EuRule { get; } = CreateEuRule();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, s_zone);

    /// <summary>The Amsterdam calendar day of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>
    /// An instant as people read it, the one way every view shows a time: the Amsterdam wall-clock time to the minute with
    /// the zone in force then, "2025-02-10 14:03 CET" in winter, "2025-07-01 09:30 CEST" in summer. Never UTC beside it.
    /// </summary>
    public static string Display(DateTimeOffset instant) => Display(instant, "yyyy-MM-dd HH:mm");

    /// <summary>The time of day of an instant with the zone, for a text that names the day itself: "14:03 CET".</summary>
    public static string TimeOfDay(DateTimeOffset instant) => Display(instant, "HH:mm");

    /// <summary>The zone's name at an instant: CEST while summer time is in force, CET otherwise.</summary>
    public static string ZoneName(DateTimeOffset instant) => s_zone.IsDaylightSavingTime(instant) ? "CEST" : "CET";

    private static string Display(DateTimeOffset instant, string format) =>
        ToLocal(instant).ToString(format, CultureInfo.InvariantCulture) + " " + ZoneName(instant);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return EuRule;
        }
    }

    private static TimeZoneInfo CreateEuRule()
    {
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(1), "Europe/Amsterdam", "CET", "CEST", [rule]);
    }
}
