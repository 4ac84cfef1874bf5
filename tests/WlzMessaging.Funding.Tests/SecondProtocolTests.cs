namespace WlzMessaging.Funding.Tests;

/// <summary>
/// Each value of a protocol changes the outcome as it should: the same inputs computed by the VGZ 2024 protocol and by the
/// second protocol of testdata (zk-voorbeeld 2024), which differs in factor, exempt list, MNDP, settlement months and cutoff.
/// </summary>
public sealed class SecondProtocolTests
{
    [Fact]
    public void The_werkvoorschot_factor_is_the_protocol_s()
    {
        // 120,000,000 × 100 / 98 / 12 = 10,204,081.63… and 120,000,000 × 100 / 96 / 12 = 10,416,666.67…
        Assert.Equal(10_204_082, Werkvoorschot(FundingSettings.Default));
        Assert.Equal(10_416_667, Werkvoorschot(Protocols.SecondSettings));

        static long Werkvoorschot(FundingSettings settings) => new FundingCalculator(settings)
            .Calculate(Day.Of("2024-01-01"), Build.Inputs()).For(Build.Agb).AmountOf(ItemKind.Werkvoorschot, 2024);
    }

    [Fact]
    public void The_werkvoorschot_is_settled_in_the_protocol_s_settlement_months()
    {
        var inputs = Build.Inputs(jaarafspraken: [Build.Jaarafspraak(2024, 120_000_000), Build.Jaarafspraak(2025, 0)]);

        var vgz = new FundingScenario(inputs).RunMonths("2024-01-01", "2025-04-01");
        var second = new FundingScenario(inputs, Protocols.SecondSettings).RunMonths("2024-01-01", "2025-04-01");

        Assert.Equal(
            [(Day.Of("2025-01-01"), -10_204_082L), (Day.Of("2025-02-01"), -10_204_082L)],
            Settlements(vgz));
        Assert.Equal(
            [(Day.Of("2025-02-01"), -10_416_667L), (Day.Of("2025-03-01"), -10_416_667L)],
            Settlements(second));

        static (DateOnly, long)[] Settlements(IReadOnlyDictionary<DateOnly, FundingRun> runs) => runs.Values
            .Select(r => (r.RunDate, r.For(Build.Agb).AmountOf(ItemKind.VerrekeningWerkvoorschot, 2024)))
            .Where(x => x.Item2 != 0)
            .ToArray();
    }

    [Fact]
    public void A_prestatie_exempt_in_one_protocol_is_capped_in_the_other()
    {
        // J = 12,000,000: the cap of the run of 1 April is 3 × 1,000,000. Z015 is capped by VGZ, exempt in the second protocol;
        // I001 the other way round. A tariff correction counts like its prestatie.
        var inputs = Build.Inputs(jaarafspraken: [Build.Jaarafspraak(2024, 12_000_000)]) with
        {
            Production = [Build.Received(2024, "2024-03-10", 3_000_000)],
            TariffCorrections =
            [
                new TariffCorrection(Build.Agb, 2024, "Z015", Day.Of("2024-04-01"), 20_000, 20_400, 1_000, 400_000),
                new TariffCorrection(Build.Agb, 2024, "I001", Day.Of("2024-04-01"), 10_000, 10_100, 1_000, 100_000),
            ],
        };

        var vgz = new FundingCalculator().Calculate(Day.Of("2024-04-01"), inputs).For(Build.Agb).ProductionOf(2024)!;
        var second = new FundingCalculator(Protocols.SecondSettings).Calculate(Day.Of("2024-04-01"), inputs).For(Build.Agb).ProductionOf(2024)!;

        Assert.Equal((400_000L, 100_000L), (vgz.NonExempt.TariffCorrectionCents, vgz.Exempt.TariffCorrectionCents));
        Assert.Equal(3_000_000 + 100_000, vgz.DueCents); // Z015's 400,000 falls above the cap
        Assert.Equal((100_000L, 400_000L), (second.NonExempt.TariffCorrectionCents, second.Exempt.TariffCorrectionCents));
        Assert.Equal(3_000_000 + 400_000, second.DueCents); // I001's 100,000 falls above the cap
    }

    [Fact]
    public void MNDP_counts_only_where_the_protocol_says_so()
    {
        var inputs = Build.Inputs(provider: Build.Provider(crisisafspraak: true)) with
        {
            Mndp = [new MndpAmount(Build.Agb, 2024, "Z015", 250_000, Day.Of("2024-03-15"))],
        };

        Assert.Equal(250_000, Mndp(FundingSettings.Default));
        Assert.Equal(0, Mndp(Protocols.SecondSettings));

        long Mndp(FundingSettings settings) => new FundingCalculator(settings)
            .Calculate(Day.Of("2024-04-01"), inputs).For(Build.Agb).ProductionOf(2024)!.NonExempt.MndpCents
            + new FundingCalculator(settings).Calculate(Day.Of("2024-04-01"), inputs).For(Build.Agb).ProductionOf(2024)!.Exempt.MndpCents;
    }

    [Fact]
    public void The_cutoff_handed_to_the_adjudicator_is_the_protocol_s()
    {
        Assert.Equal(Day.Of("2025-03-25"), FundingSettings.Default.Protocols.Cutoffs(2024, 2024)[2024]);
        Assert.Equal(Day.Of("2025-02-26"), Protocols.SecondSettings.Protocols.Cutoffs(2024, 2024)[2024]);
    }

    [Fact]
    public void A_run_names_the_protocol_of_each_of_its_years()
    {
        var run = new FundingCalculator(Protocols.SecondSettings).Calculate(Day.Of("2025-03-01"), Build.Inputs());

        Assert.Equal(
            [new ProtocolUse(2024, "zk-voorbeeld 2024 v3", Protocols.Second.Sha256), new ProtocolUse(2025, "zk-voorbeeld 2024 v3 (carried to 2025)", Protocols.Second.Sha256)],
            run.Protocols);
    }
}
