using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

public class MazLookupTests
{
    [Theory]
    [InlineData("2023-05-01", "2023-05-31", MazCoverage.Whole)]   // starts on the MAZ
    [InlineData("2025-01-01", "2025-01-31", MazCoverage.Whole)]
    [InlineData("2099-12-01", "2099-12-31", MazCoverage.Whole)]   // no MEZ: care goes on
    [InlineData("2023-04-30", "2023-05-31", MazCoverage.Partial)] // starts a day before the MAZ
    [InlineData("2023-04-01", "2023-04-30", MazCoverage.None)]    // ends the day before the MAZ
    public void An_open_period_holds_every_line_from_its_MAZ_on(string begin, string end, MazCoverage expected)
    {
        Assert.Equal(expected, Snapshot.CheckMaz(OpenMaz, DeLinde, Date(begin), Date(end)));
    }

    [Theory]
    [InlineData("2024-08-01", "2024-08-15", MazCoverage.Whole)]   // ends on the MEZ
    [InlineData("2024-08-15", "2024-08-15", MazCoverage.Whole)]
    [InlineData("2024-08-01", "2024-08-31", MazCoverage.Partial)] // runs past the MEZ: 8287
    [InlineData("2024-08-16", "2024-08-31", MazCoverage.None)]    // starts the day after the MEZ: 8290
    public void A_closed_period_holds_lines_through_its_MEZ(string begin, string end, MazCoverage expected)
    {
        Assert.Equal(expected, Snapshot.CheckMaz(EndedMaz, DeLinde, Date(begin), Date(end)));
    }

    [Theory]
    [InlineData("2024-03-01", "2024-03-31", MazCoverage.Whole)]
    [InlineData("2024-04-01", "2024-05-31", MazCoverage.None)]    // inside the gap
    [InlineData("2024-03-31", "2024-06-01", MazCoverage.Partial)] // touches both, lies in neither
    [InlineData("2024-05-31", "2024-06-30", MazCoverage.Partial)]
    [InlineData("2024-05-01", "2024-06-01", MazCoverage.Partial)] // touches the second period on its last day only
    [InlineData("2024-06-01", "2024-06-01", MazCoverage.Whole)]   // a one-day line on the MAZ day
    [InlineData("2024-06-01", "2024-06-30", MazCoverage.Whole)]   // the second period
    public void With_two_periods_a_line_must_lie_wholly_in_one(string begin, string end, MazCoverage expected)
    {
        Assert.Equal(expected, Snapshot.CheckMaz(TwoPeriods, HetBaken, Date(begin), Date(end)));
    }

    [Fact]
    public void A_MAZ_with_one_provider_does_not_count_for_another()
    {
        Assert.Equal(MazCoverage.None, Snapshot.CheckMaz(OpenMaz, HetBaken, Date("2025-01-01"), Date("2025-01-31")));
        Assert.Equal(MazCoverage.None, Snapshot.CheckMaz(123456782, DeLinde, Date("2025-01-01"), Date("2025-01-31")));
    }

    [Fact]
    public void The_periods_of_a_client_with_a_provider_come_by_begin_date()
    {
        var periods = Snapshot.GetMazPeriods(TwoPeriods, HetBaken).ToArray();

        Assert.Equal([new MazPeriod(Date("2024-01-01"), Date("2024-03-31")), new MazPeriod(Date("2024-06-01"), null)], periods);
    }

    [Fact]
    public void Overlapping_periods_hold_a_line_that_one_of_them_holds_wholly()
    {
        var snapshot = ReferenceSnapshot.Build(new ReferenceTables
        {
            Maz =
            [
                new MazRow(OpenMaz, DeLinde, Date("2024-01-01"), Date("2024-12-31")),
                new MazRow(OpenMaz, DeLinde, Date("2024-06-01"), null),
            ],
        });

        Assert.Equal(MazCoverage.Whole, snapshot.CheckMaz(OpenMaz, DeLinde, Date("2025-01-01"), Date("2025-01-31")));
        Assert.Equal(MazCoverage.Partial, snapshot.CheckMaz(OpenMaz, DeLinde, Date("2023-12-01"), Date("2024-01-31")));
    }
}
