using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

public class TariefLookupTests
{
    // De Linde, Z015 in 2025: 14730 entered on 2024-12-01, changed to 14895 on 2025-03-01.
    [Theory]
    [InlineData("2025-01-15", 14730)]
    [InlineData("2025-02-28", 14730)] // the day before the change
    [InlineData("2025-03-01", 14895)] // the change counts from its own date
    [InlineData("2025-11-30", 14895)]
    public void The_tariff_in_force_is_the_latest_entered_on_or_before_the_received_date(string received, long tariefCent)
    {
        Assert.Equal(TariefStatus.InForce, Snapshot.FindTarief(DeLinde, 2025, Code("Z015"), Date(received), out var tarief));
        Assert.Equal(tariefCent, tarief.TariefCent);
    }

    [Fact]
    public void A_tariff_entered_on_the_received_date_itself_is_in_force()
    {
        Assert.Equal(TariefStatus.InForce, Snapshot.FindTarief(DeLinde, 2025, Code("Z015"), Date("2024-12-01"), out var tarief));
        Assert.Equal(new TariefVersion(Date("2024-12-01"), 14730), tarief);
    }

    [Fact]
    public void An_agreed_prestatie_whose_tariff_was_entered_after_the_received_date_is_not_yet_in_force()
    {
        Assert.Equal(TariefStatus.NotYetInForce, Snapshot.FindTarief(DeLinde, 2025, Code("Z015"), Date("2024-11-30"), out var tarief));
        Assert.Equal(default, tarief);
    }

    [Fact]
    public void A_prestatie_without_a_row_for_the_provider_and_year_is_not_agreed()
    {
        Assert.Equal(TariefStatus.NotAgreed, Snapshot.FindTarief(DeLinde, 2025, Code("H126"), Date("2025-03-01"), out _));
        Assert.Equal(TariefStatus.NotAgreed, Snapshot.FindTarief(DeLinde, 2026, Code("Z015"), Date("2026-03-01"), out _));
        Assert.Equal(TariefStatus.NotAgreed, Snapshot.FindTarief(AanZee, 2025, Code("Z015"), Date("2025-03-01"), out _));
    }

    [Fact]
    public void The_year_of_the_agreement_decides_not_the_received_date()
    {
        // A 2024 line received in 2025 is checked against the 2024 tariff.
        Assert.Equal(TariefStatus.InForce, Snapshot.FindTarief(DeLinde, 2024, Code("Z015"), Date("2025-03-01"), out var tarief));
        Assert.Equal(14250, tarief.TariefCent);
    }

    [Fact]
    public void All_versions_of_a_tariff_come_by_ingevoerd_op_for_tariff_corrections()
    {
        Assert.Equal(
            [new TariefVersion(Date("2024-12-01"), 14730), new TariefVersion(Date("2025-03-01"), 14895)],
            Snapshot.GetTariefVersions(DeLinde, 2025, Code("Z015")).ToArray());
        Assert.True(Snapshot.GetTariefVersions(DeLinde, 2025, Code("H126")).IsEmpty);
    }

    [Fact]
    public void Versions_given_in_any_order_are_sorted_by_ingevoerd_op()
    {
        var snapshot = ReferenceSnapshot.Build(new ReferenceTables
        {
            Tarieven =
            [
                new TariefRow(DeLinde, 2025, Code("Z015"), 300, Date("2025-09-01")),
                new TariefRow(DeLinde, 2025, Code("Z015"), 100, Date("2024-12-01")),
                new TariefRow(DeLinde, 2025, Code("Z015"), 200, Date("2025-03-01")),
            ],
        });

        Assert.Equal(TariefStatus.InForce, snapshot.FindTarief(DeLinde, 2025, Code("Z015"), Date("2025-08-31"), out var tarief));
        Assert.Equal(200, tarief.TariefCent);
    }
}
