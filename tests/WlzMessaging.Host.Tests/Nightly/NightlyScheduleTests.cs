using WlzMessaging.Adjudication;
using WlzMessaging.Ingestion.Nightly;

namespace WlzMessaging.Host.Tests.Nightly;

/// <summary>When the worker runs the nightly job, and which declaration years it looks at: Amsterdam days, whatever the server's zone.</summary>
public sealed class NightlyScheduleTests
{
    private static readonly TimeOnly TwoAm = new(2, 0);

    [Fact]
    public void Yesterday_is_an_Amsterdam_day()
    {
        // 23:30 UTC on 10 March is 00:30 on 11 March in Amsterdam (CET).
        Assert.Equal(new DateOnly(2025, 3, 10), NightlySchedule.Yesterday(new DateTimeOffset(2025, 3, 10, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 3, 9), NightlySchedule.Yesterday(new DateTimeOffset(2025, 3, 10, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Before_the_hour_the_day_before_yesterday_is_due_after_it_yesterday()
    {
        // 01:59 and 02:00 Amsterdam on 11 March (CET, UTC+1).
        Assert.Equal(new DateOnly(2025, 3, 9), NightlySchedule.DueDate(new DateTimeOffset(2025, 3, 11, 0, 59, 0, TimeSpan.Zero), TwoAm));
        Assert.Equal(new DateOnly(2025, 3, 10), NightlySchedule.DueDate(new DateTimeOffset(2025, 3, 11, 1, 0, 0, TimeSpan.Zero), TwoAm));
    }

    [Fact]
    public void The_next_run_is_the_next_time_of_day_in_Amsterdam_in_winter_and_summer()
    {
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 2, 0, 0, TimeSpan.FromHours(1)),
            NightlySchedule.NextRun(new DateTimeOffset(2025, 3, 11, 1, 0, 0, TimeSpan.Zero), TwoAm));
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 2, 0, 0, TimeSpan.FromHours(2)),
            NightlySchedule.NextRun(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), TwoAm));
    }

    [Fact]
    public void On_the_night_the_clocks_skip_two_oclock_the_job_runs_when_they_jump_and_in_October_once()
    {
        // 30 March 2025: 02:00 CET does not exist, the clocks go to 03:00 CEST (01:00 UTC).
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero), NightlySchedule.RunMoment(new DateOnly(2025, 3, 30), TwoAm).ToUniversalTime());

        // 26 October 2025: 02:30 happens twice; the first (CEST, 00:30 UTC) is the one.
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), NightlySchedule.RunMoment(new DateOnly(2025, 10, 26), new TimeOnly(2, 30)).ToUniversalTime());
    }

    [Fact]
    public void Last_year_stays_open_until_its_cutoff()
    {
        Assert.Equal([2024, 2025], NightlySchedule.OpenYears(new DateOnly(2025, 3, 25), AdjudicationSettings.Default));
        Assert.Equal([2025], NightlySchedule.OpenYears(new DateOnly(2025, 3, 26), AdjudicationSettings.Default));
        Assert.Equal([2024, 2025], NightlySchedule.OpenYears(new DateOnly(2025, 4, 15), new AdjudicationSettings(new Dictionary<int, DateOnly> { [2024] = new(2025, 4, 30) })));
    }
}
