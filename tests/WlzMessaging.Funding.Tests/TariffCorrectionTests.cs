namespace WlzMessaging.Funding.Tests;

/// <summary>Tariff corrections: (new − old) × the volume approved at the old tariff, from the run after the change.</summary>
public sealed class TariffCorrectionTests
{
    private const string Agb = Build.Agb;

    private static ContractedTariff Tariff(string prestatie, long cents, string ingevoerdOp) =>
        new(Agb, 2024, prestatie, cents, Day.Of(ingevoerdOp));

    private static CheckedVolume Volume(string prestatie, string receivedOn, long volume) =>
        new(Agb, 2024, prestatie, Day.Of(receivedOn), volume);

    [Fact]
    public void Lines_received_on_the_day_of_the_change_were_checked_against_the_new_tariff()
    {
        var corrections = TariffCorrections.Compute(
            [Tariff("Z015", 20_000, "2023-12-01"), Tariff("Z015", 20_400, "2024-05-15")],
            [Volume("Z015", "2024-05-14", 10), Volume("Z015", "2024-05-15", 1_000)]);

        Assert.Equal(4_000, Assert.Single(corrections).AmountCents);
    }

    [Fact]
    public void Credit_lines_reduce_the_volume_that_is_corrected()
    {
        var corrections = TariffCorrections.Compute(
            [Tariff("Z015", 20_000, "2023-12-01"), Tariff("Z015", 20_400, "2024-05-15")],
            [Volume("Z015", "2024-03-01", 100), Volume("Z015", "2024-04-01", -30)]);

        Assert.Equal(70, Assert.Single(corrections).Volume);
        Assert.Equal(28_000, corrections[0].AmountCents);
    }

    [Fact]
    public void A_lower_tariff_gives_a_negative_correction()
    {
        var corrections = TariffCorrections.Compute(
            [Tariff("Z015", 20_000, "2023-12-01"), Tariff("Z015", 19_000, "2024-05-15")],
            [Volume("Z015", "2024-03-01", 100)]);

        Assert.Equal(-100_000, Assert.Single(corrections).AmountCents);
    }

    [Fact]
    public void A_change_entered_on_the_first_of_a_month_counts_from_the_next_month()
    {
        var corrections = TariffCorrections.Compute(
            [Tariff("Z015", 20_000, "2023-12-01"), Tariff("Z015", 20_400, "2024-05-01")],
            [Volume("Z015", "2024-03-01", 100)]);

        Assert.Equal(Day.Of("2024-06-01"), Assert.Single(corrections).CountsFrom);
    }

    [Fact]
    public void A_second_change_corrects_all_volume_received_before_it_from_the_previous_tariff()
    {
        var corrections = TariffCorrections.Compute(
            [Tariff("Z015", 20_000, "2023-12-01"), Tariff("Z015", 20_400, "2024-05-15"), Tariff("Z015", 20_600, "2024-09-10")],
            [Volume("Z015", "2024-03-01", 100), Volume("Z015", "2024-07-01", 50), Volume("Z015", "2024-10-01", 80)]);

        Assert.Equal(
            [
                new TariffCorrection(Agb, 2024, "Z015", Day.Of("2024-06-01"), 20_000, 20_400, 100, 40_000),
                new TariffCorrection(Agb, 2024, "Z015", Day.Of("2024-10-01"), 20_400, 20_600, 150, 30_000),
            ],
            corrections);
    }

    [Fact]
    public void No_correction_without_a_change_of_tariff_or_without_volume()
    {
        var corrections = TariffCorrections.Compute(
            [
                Tariff("Z015", 20_000, "2023-12-01"),
                Tariff("Z015", 20_000, "2024-05-15"),
                Tariff("H890", 5_000, "2023-12-01"),
                Tariff("H890", 5_200, "2024-05-15"),
            ],
            [Volume("Z015", "2024-03-01", 100), Volume("H890", "2024-06-01", 100)]);

        Assert.Empty(corrections);
    }

    [Fact]
    public void A_correction_of_an_exempt_prestatie_counts_in_Px_and_is_never_capped()
    {
        var corrections = TariffCorrections.Compute(
            [Tariff("M001", 10_000, "2023-12-01"), Tariff("M001", 30_000, "2024-05-15")],
            [Volume("M001", "2024-03-01", 100)]);
        var inputs = Build.Inputs(jaarafspraken: []) with { TariffCorrections = corrections };

        var figures = new FundingCalculator().Calculate(Day.Of("2024-06-01"), inputs).For(Agb).ProductionOf(2024)!;

        Assert.Equal(2_000_000, figures.Exempt.TariffCorrectionCents);
        Assert.Equal(0, figures.NonExempt.TariffCorrectionCents);
        Assert.Equal(2_000_000, figures.DueCents);
    }

    [Fact]
    public void The_exempt_prestaties_come_from_the_protocol()
    {
        var settings = FundingSettings.With(
            AdvanceProtocolReader.Vgz2024 with { ExemptPrestaties = new HashSet<string>(StringComparer.Ordinal) { "Z015" } });
        var inputs = Build.Inputs() with
        {
            TariffCorrections = [new TariffCorrection(Agb, 2024, "Z015", Day.Of("2024-06-01"), 20_000, 20_400, 100, 40_000)],
        };

        var figures = new FundingCalculator(settings).Calculate(Day.Of("2024-06-01"), inputs).For(Agb).ProductionOf(2024)!;

        Assert.Equal(40_000, figures.Exempt.TariffCorrectionCents);
        Assert.Equal(0, figures.NonExempt.TariffCorrectionCents);
    }

    [Fact]
    public void Accepted_mndp_volume_is_corrected_like_line_volume()
    {
        var row = new MndpRow(AgbCode.ToInt(Agb), 2024, 3, PrestatieCode.Parse("H890"), 40, 5_000, Day.Of("2024-04-05"));

        var corrections = TariffCorrections.Compute(
            [Tariff("H890", 5_000, "2023-12-01"), Tariff("H890", 5_200, "2024-05-15")],
            [row.ToCheckedVolume()]);

        Assert.Equal(8_000, Assert.Single(corrections).AmountCents);
    }

    [Fact]
    public void Two_tariffs_entered_on_the_same_day_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TariffCorrections.Compute(
            [Tariff("Z015", 20_000, "2024-05-15"), Tariff("Z015", 20_400, "2024-05-15")],
            []));
    }
}
