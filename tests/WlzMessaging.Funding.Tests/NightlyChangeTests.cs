namespace WlzMessaging.Funding.Tests;

/// <summary>What the nightly job reports of a day's reference changes: the tariff changes and the herschikkingen of that day.</summary>
public sealed class NightlyChangeTests
{
    private const string Agb = Build.Agb;

    private static ContractedTariff Tariff(string prestatie, long cents, string ingevoerdOp) =>
        new(Agb, 2025, prestatie, cents, Day.Of(ingevoerdOp));

    private static CheckedVolume Volume(string prestatie, string receivedOn, long volume) =>
        new(Agb, 2025, prestatie, Day.Of(receivedOn), volume);

    [Fact]
    public void A_change_entered_on_the_day_corrects_all_volume_received_before_it_from_the_tariff_in_force()
    {
        var corrections = TariffChangeCorrections.EnteredOn(
            Day.Of("2025-03-11"),
            [Tariff("Z015", 14_730, "2024-12-01"), Tariff("Z015", 14_895, "2025-03-01"), Tariff("Z015", 15_000, "2025-03-11")],
            [Volume("Z015", "2025-02-10", 31), Volume("Z015", "2025-03-05", -3), Volume("Z015", "2025-03-11", 28)]);

        var correction = Assert.Single(corrections);
        Assert.Equal((14_895L, 15_000L, 28L), (correction.OldTariefCents, correction.NewTariefCents, correction.Volume));
        Assert.Equal(105 * 28, correction.AmountCents);
        Assert.Equal(Day.Of("2025-04-01"), correction.CountsFrom);
    }

    [Fact]
    public void Changes_of_other_days_and_first_tariffs_are_not_reported()
    {
        var corrections = TariffChangeCorrections.EnteredOn(
            Day.Of("2025-03-11"),
            [
                Tariff("Z015", 14_730, "2024-12-01"), Tariff("Z015", 14_895, "2025-03-01"),
                Tariff("V015", 13_450, "2025-03-11"),
                Tariff("Z025", 16_410, "2024-12-01"), Tariff("Z025", 16_500, "2025-03-12"),
            ],
            [Volume("Z015", "2025-02-10", 31), Volume("V015", "2025-02-10", 31), Volume("Z025", "2025-02-10", 31)]);

        Assert.Empty(corrections);
    }

    [Fact]
    public void A_herschikking_is_reported_with_the_amount_it_replaces_on_its_own_day_only()
    {
        Jaarafspraak[] afspraken =
        [
            new(Agb, 2025, 1_300_000_000, Day.Of("2025-01-01")),
            new(Agb, 2025, 1_340_000_000, Day.Of("2025-03-11")),
            new(Agb, 2025, 1_400_000_000, Day.Of("2025-07-01")),
            new("73730002", 2025, 850_000_000, Day.Of("2025-03-11")),
        ];

        var revision = Assert.Single(AgreementRevision.EffectiveOn(Day.Of("2025-03-11"), afspraken));

        Assert.Equal(new AgreementRevision(Agb, 2025, 1_300_000_000, 1_340_000_000, Day.Of("2025-03-11")), revision);
        Assert.Equal(40_000_000, revision.DifferenceCents);
        Assert.Empty(AgreementRevision.EffectiveOn(Day.Of("2025-03-12"), afspraken));
    }
}
