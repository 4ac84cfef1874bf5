using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

public class MeerzorgLookupTests
{
    [Fact]
    public void A_beschikking_covering_the_line_gives_its_tariff()
    {
        Assert.True(Snapshot.TryGetMeerzorg(OpenMaz, DeLinde, Date("2025-06-01"), Date("2025-06-30"), out var first));
        Assert.Equal(9850, first.TariefCent);

        Assert.True(Snapshot.TryGetMeerzorg(OpenMaz, DeLinde, Date("2025-07-01"), Date("2025-07-31"), out var second));
        Assert.Equal(10240, second.TariefCent);
    }

    [Fact]
    public void An_open_beschikking_covers_every_line_from_its_begin_on()
    {
        Assert.True(Snapshot.TryGetMeerzorg(OpenMaz, DeLinde, Date("2030-01-01"), Date("2030-01-31"), out var open));
        Assert.Null(open.End);
    }

    [Fact]
    public void A_line_spanning_two_beschikkingen_is_covered_by_neither()
    {
        Assert.False(Snapshot.TryGetMeerzorg(OpenMaz, DeLinde, Date("2025-06-15"), Date("2025-07-15"), out var none));
        Assert.Equal(default, none);
    }

    [Theory]
    [InlineData("2025-02-10", "2025-02-28", true)]  // from the first day
    [InlineData("2025-12-01", "2025-12-31", true)]  // through the last day
    [InlineData("2025-02-09", "2025-02-28", false)] // a day before
    [InlineData("2025-12-01", "2026-01-01", false)] // a day after
    public void A_closed_beschikking_covers_lines_from_its_begin_through_its_end(string begin, string end, bool covered)
    {
        Assert.Equal(covered, Snapshot.TryGetMeerzorg(ShortMeerzorg, DeLinde, Date(begin), Date(end), out _));
    }

    [Fact]
    public void A_client_without_a_beschikking_with_this_provider_has_none()
    {
        Assert.False(Snapshot.TryGetMeerzorg(TwoPeriods, HetBaken, Date("2024-06-01"), Date("2024-06-30"), out _));
        Assert.False(Snapshot.TryGetMeerzorg(OpenMaz, HetBaken, Date("2025-06-01"), Date("2025-06-30"), out _));
        Assert.Equal(2, Snapshot.GetMeerzorgBeschikkingen(OpenMaz, DeLinde).Length);
    }
}
