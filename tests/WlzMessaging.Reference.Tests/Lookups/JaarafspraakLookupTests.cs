using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

public class JaarafspraakLookupTests
{
    // De Linde 2025: 13,000,000.00 from 2025-01-01, herschikt to 13,400,000.00 from 2025-07-01.
    [Theory]
    [InlineData("2025-01-01", 1_300_000_000)]
    [InlineData("2025-06-30", 1_300_000_000)] // the day before the herschikking
    [InlineData("2025-07-01", 1_340_000_000)] // the herschikking counts from its own date
    [InlineData("2026-03-25", 1_340_000_000)] // settlement after the year still sees the last version
    public void The_agreement_in_force_is_the_latest_geldig_on_or_before_the_date(string on, long jaarafspraakCent)
    {
        Assert.True(Snapshot.TryGetJaarafspraak(DeLinde, 2025, Date(on), out var afspraak));
        Assert.Equal(jaarafspraakCent, afspraak.JaarafspraakCent);
    }

    [Fact]
    public void Before_its_first_geldig_vanaf_there_is_no_agreement()
    {
        Assert.False(Snapshot.TryGetJaarafspraak(DeLinde, 2025, Date("2024-12-31"), out var afspraak));
        Assert.Equal(default, afspraak);
    }

    [Fact]
    public void A_year_without_an_agreement_has_none()
    {
        Assert.False(Snapshot.TryGetJaarafspraak(AanZee, 2024, Date("2024-06-01"), out _));
        Assert.True(Snapshot.GetAfspraakVersions(AanZee, 2024).IsEmpty);
    }

    [Fact]
    public void The_agreement_and_its_herschikkingen_come_by_geldig_vanaf()
    {
        Assert.Equal(
            [new AfspraakVersion(Date("2025-01-01"), 1_300_000_000), new AfspraakVersion(Date("2025-07-01"), 1_340_000_000)],
            Snapshot.GetAfspraakVersions(DeLinde, 2025).ToArray());
    }
}
