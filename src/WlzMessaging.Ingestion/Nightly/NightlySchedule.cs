using WlzMessaging.Adjudication;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;

namespace WlzMessaging.Ingestion.Nightly;

/// <summary>
/// When the nightly job runs and for which date, in Europe/Amsterdam whatever the server's zone: at a time of day (default
/// 02:00), for the day before. Pure: the clock is an argument.
/// </summary>
public static class NightlySchedule
{
    /// <summary>The date <c>wlz nightly</c> runs without <c>--date</c>: yesterday in Amsterdam.</summary>
    public static DateOnly Yesterday(DateTimeOffset now) => DateOnly.FromDateTime(Amsterdam.ToLocal(now).DateTime).AddDays(-1);

    /// <summary>
    /// The latest date whose run is due at <paramref name="now"/>: yesterday once today's <paramref name="at"/> has passed,
    /// else the day before yesterday. A worker that starts (or was down at the time) runs this date unless it finished already.
    /// </summary>
    public static DateOnly DueDate(DateTimeOffset now, TimeOnly at)
    {
        var yesterday = Yesterday(now);
        return now >= RunMoment(yesterday.AddDays(1), at) ? yesterday : yesterday.AddDays(-1);
    }

    /// <summary>The first moment after <paramref name="now"/> at which the job is due: the next <paramref name="at"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = DateOnly.FromDateTime(Amsterdam.ToLocal(now).DateTime);
        var moment = RunMoment(today, at);
        return moment > now ? moment : RunMoment(today.AddDays(1), at);
    }

    /// <summary>
    /// <paramref name="at"/> on <paramref name="day"/> in Amsterdam. A time the clocks skip (02:00-03:00 on the last Sunday
    /// of March, where the default falls) is the moment they jump: the job then runs at 03:00 summer time. A time that
    /// happens twice (October) is its first occurrence.
    /// </summary>
    public static DateTimeOffset RunMoment(DateOnly day, TimeOnly at)
    {
        var zone = Amsterdam.Zone;
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // Forward minute by minute to the first time that exists: the end of the gap.
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>
    /// The declaration years still open on <paramref name="date"/>: this year and last year, unless its cutoff
    /// (<see cref="AdjudicationSettings.IsClosed"/>, default 25 March) has passed. Lines of a closed year cannot be sent again.
    /// </summary>
    public static IReadOnlyList<int> OpenYears(DateOnly date, AdjudicationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new[] { date.Year - 1, date.Year }.Where(y => !settings.IsClosed(y, date)).ToArray();
    }
}
