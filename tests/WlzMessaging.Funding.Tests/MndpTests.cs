namespace WlzMessaging.Funding.Tests;

/// <summary>MNDP rows: validated against the provider's crisisafspraak and contracted tariffs, then counted like lines.</summary>
public sealed class MndpTests
{
    private const string Crisis = "43000003";
    private const string NoCrisis = "44000004";

    private static readonly Provider[] Providers =
    [
        new(Crisis, Regime.Achteraf, crisisafspraak: true),
        new(NoCrisis, Regime.Achteraf, crisisafspraak: false),
    ];

    private static readonly ContractedTariff[] Tariffs =
    [
        new(Crisis, 2024, "H890", 5_000, Day.Of("2023-12-01")),
        new(Crisis, 2024, "H890", 5_200, Day.Of("2024-06-10")),
        new(Crisis, 2024, "ZMZ01", 9_000, Day.Of("2023-12-01")),
        new(NoCrisis, 2024, "H890", 5_000, Day.Of("2023-12-01")),
    ];

    private static MndpRow Row(string agb, string prestatie, long aantal, long tarief, string ingediendOp) =>
        new(AgbCode.ToInt(agb), 2024, 3, PrestatieCode.Parse(prestatie), aantal, tarief, Day.Of(ingediendOp));

    [Fact]
    public void A_row_of_a_provider_with_crisisafspraak_at_the_contracted_tariff_is_accepted()
    {
        var result = MndpValidation.Validate([Row(Crisis, "H890", 10, 5_000, "2024-04-05")], Providers, Tariffs);

        Assert.Equal([new MndpAmount(Crisis, 2024, "H890", 50_000, Day.Of("2024-04-05"))], result.AcceptedAmounts);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void A_row_of_a_provider_without_crisisafspraak_is_reported_and_not_counted()
    {
        var result = MndpValidation.Validate([Row(NoCrisis, "H890", 10, 5_000, "2024-04-05")], Providers, Tariffs);

        Assert.Empty(result.Accepted);
        Assert.Equal(MndpRejectionReason.NoCrisisafspraak, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void A_row_with_an_unknown_prestatie_is_reported_and_not_counted()
    {
        var result = MndpValidation.Validate([Row(Crisis, "H999", 10, 5_000, "2024-04-05")], Providers, Tariffs);

        Assert.Empty(result.Accepted);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(MndpRejectionReason.UnknownPrestatie, rejected.Reason);
        Assert.Contains("H999", rejected.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_a_tariff_other_than_the_contracted_one_is_reported_and_not_counted()
    {
        var result = MndpValidation.Validate([Row(Crisis, "H890", 10, 5_100, "2024-04-05")], Providers, Tariffs);

        Assert.Empty(result.Accepted);
        Assert.Equal(MndpRejectionReason.TariffDiffersFromContract, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void A_row_is_checked_against_the_tariff_in_force_on_its_ingediend_op()
    {
        var result = MndpValidation.Validate(
            [
                Row(Crisis, "H890", 10, 5_000, "2024-06-09"),
                Row(Crisis, "H890", 10, 5_000, "2024-06-10"),
                Row(Crisis, "H890", 10, 5_200, "2024-06-10"),
            ],
            Providers,
            Tariffs);

        Assert.Equal([Day.Of("2024-06-09"), Day.Of("2024-06-10")], result.Accepted.Select(r => r.IngediendOp));
        Assert.Equal([5_000L, 5_200L], result.Accepted.Select(r => r.TariefCent));
        Assert.Equal(5_000, Assert.Single(result.Rejected).Row.TariefCent);
    }

    [Fact]
    public void A_row_of_an_unknown_provider_is_reported_and_not_counted()
    {
        var result = MndpValidation.Validate([Row("49999999", "H890", 10, 5_000, "2024-04-05")], Providers, Tariffs);

        Assert.Equal(MndpRejectionReason.UnknownProvider, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void Accepted_mndp_counts_in_Pc_from_the_run_after_its_ingediend_op_and_exempt_prestaties_in_Px()
    {
        var accepted = MndpValidation.Validate(
            [Row(Crisis, "H890", 100, 5_000, "2024-04-05"), Row(Crisis, "ZMZ01", 10, 9_000, "2024-04-30")],
            Providers,
            Tariffs);
        var inputs = new FundingInputs
        {
            Providers = Providers,
            Jaarafspraken = [new(Crisis, 2024, 120_000_000, Day.Of("2024-01-01"))],
            Mndp = accepted.AcceptedAmounts,
        };
        var calculator = new FundingCalculator();

        var april = calculator.Calculate(Day.Of("2024-04-01"), inputs).For(Crisis).ProductionOf(2024)!;
        var may = calculator.Calculate(Day.Of("2024-05-01"), inputs).For(Crisis).ProductionOf(2024)!;

        Assert.Equal(0, april.NonExempt.MndpCents);
        Assert.Equal(500_000, may.NonExempt.MndpCents);
        Assert.Equal(90_000, may.Exempt.MndpCents);
        Assert.Equal(590_000, may.DueCents);
    }

    [Fact]
    public void Mndp_amounts_of_a_provider_without_crisisafspraak_are_not_counted_by_the_calculator()
    {
        // Accepted while the provider had a crisisafspraak; it has none any more on the run date.
        var inputs = new FundingInputs
        {
            Providers = Providers,
            Jaarafspraken = [new(NoCrisis, 2024, 120_000_000, Day.Of("2024-01-01"))],
            Mndp = [new MndpAmount(NoCrisis, 2024, "H890", 500_000, Day.Of("2024-04-05"))],
        };

        var run = new FundingCalculator().Calculate(Day.Of("2024-05-01"), inputs).For(NoCrisis);

        Assert.Equal(0, run.ProductionOf(2024)!.NonExempt.MndpCents);
        Assert.Equal(0, run.PaymentCents);
    }
}
