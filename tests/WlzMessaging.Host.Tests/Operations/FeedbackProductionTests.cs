using WlzMessaging.Funding;
using WlzMessaging.Operations.Feedback;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>
/// The feedback takes its production total from the run's count (lines, MNDP, tariff corrections), not from the lines by
/// care month, and names the parts that have no care month.
/// </summary>
public sealed class FeedbackProductionTests
{
    [Fact]
    public void The_total_is_the_run_s_count_and_the_CSV_names_MNDP_and_the_tariff_correction()
    {
        var rows = new FeedbackRows(
            new Dictionary<int, string> { [41000001] = "Zorg A" },
            [new AgreementInForce(41000001, 1_200_000, new DateOnly(2024, 1, 1))],
            [new MonthProduction(41000001, 2, 500_000, 29, 1)],
            [],
            [])
        {
            Production = [new CountedProduction("41000001", 2024, new DateOnly(2024, 6, 1), new ProductionBreakdown(500_000, 620_000, 22_400), ProductionBreakdown.Zero)],
        };

        var feedback = Assert.Single(FeedbackBuilder.Build(new DateOnly(2024, 5, 1), 2024, rows));

        Assert.Equal(1_142_400, feedback.ProductionCents);
        Assert.Equal(1_200_000 - 1_142_400, feedback.RoomCents);
        Assert.Equal(500_000, feedback.ProductionByMonth.Sum());
        var csv = FeedbackCsv.Write(feedback);
        Assert.Contains("41000001;2024;;productie_mndp;;;;620000", csv, StringComparison.Ordinal);
        Assert.Contains("41000001;2024;;productie_tariefcorrectie;;;;22400", csv, StringComparison.Ordinal);
        Assert.Contains(";productie_totaal;;ontvangen t/m 2024-05-31;30;1142400", csv, StringComparison.Ordinal);
    }
}
