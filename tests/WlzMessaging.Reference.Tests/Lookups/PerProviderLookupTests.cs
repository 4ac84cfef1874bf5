using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

public class PerProviderLookupTests
{
    [Fact]
    public void The_MNDP_rows_of_a_provider_come_by_month()
    {
        var rows = Snapshot.GetMndp(HetBaken).ToArray();

        Assert.Equal([1, 2], rows.Select(r => r.Maand));
        Assert.All(rows, r => Assert.Equal(HetBaken, r.Agb));
    }

    [Fact]
    public void A_provider_without_MNDP_rows_or_recoveries_gets_empty_spans()
    {
        Assert.True(Snapshot.GetMndp(DeLinde).IsEmpty);
        Assert.True(Snapshot.GetInvorderingen(DeLinde).IsEmpty);
    }

    [Fact]
    public void The_open_recoveries_of_a_provider_are_found_by_agb()
    {
        Assert.Equal([new InvorderingRow(HetBaken, 2024, 1_250_000)], Snapshot.GetInvorderingen(HetBaken).ToArray());
    }
}
