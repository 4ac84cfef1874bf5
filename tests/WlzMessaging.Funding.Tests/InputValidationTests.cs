namespace WlzMessaging.Funding.Tests;

/// <summary>Inputs that would make a run pay on a guess are refused or reported.</summary>
public sealed class InputValidationTests
{
    [Fact]
    public void A_run_date_other_than_the_first_of_a_month_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new FundingCalculator().Calculate(Day.Of("2024-03-02"), Build.Inputs()));

        Assert.Equal("runDate", exception.ParamName);
    }

    [Theory]
    [InlineData("4100000")]
    [InlineData("410000011")]
    [InlineData("4100000A")]
    [InlineData("")]
    public void A_provider_needs_an_agb_code_of_eight_digits(string agb)
    {
        Assert.Throws<ArgumentException>(() => new Provider(agb, Regime.Achteraf, crisisafspraak: false));
    }

    [Fact]
    public void A_provider_listed_twice_is_refused()
    {
        var inputs = Build.Inputs() with { Providers = [Build.Provider(), Build.Provider(Regime.Achteraf)] };

        Assert.Throws<ArgumentException>(() => new FundingCalculator().Calculate(Day.Of("2024-03-01"), inputs));
    }

    [Fact]
    public void Two_revisions_of_a_jaarafspraak_from_the_same_day_are_refused()
    {
        var inputs = Build.Inputs(jaarafspraken: [Build.Jaarafspraak(2024, 1), Build.Jaarafspraak(2024, 2)]);

        Assert.Throws<ArgumentException>(() => new FundingCalculator().Calculate(Day.Of("2024-03-01"), inputs));
    }

    [Fact]
    public void Agb_codes_in_the_inputs_without_a_provider_are_reported()
    {
        var inputs = Build.Inputs(production: [Build.Received(2024, "2024-02-10", 100, agb: "45000005")]) with
        {
            Invorderingen = [new Invordering("46000006", 2023, 100)],
        };

        var run = new FundingCalculator().Calculate(Day.Of("2024-03-01"), inputs);

        Assert.Equal(["45000005", "46000006"], run.UnknownAgbs);
        Assert.Equal([Build.Agb], run.Providers.Select(p => p.Agb));
    }

    [Fact]
    public void A_draft_computed_again_ignores_history_of_its_own_run_date()
    {
        var scenario = new FundingScenario(Build.Inputs(production: [Build.Received(2024, "2024-02-10", 9_500_000)]));
        var approved = scenario.Run("2024-03-01", Build.Agb);

        var again = scenario.Draft(Day.Of("2024-03-01")).For(Build.Agb);

        Assert.Equal(approved.Items, again.Items);
        Assert.Equal(9_500_000, again.PaymentCents);
    }

    [Fact]
    public void A_run_without_anything_to_pay_still_lists_the_provider()
    {
        var run = new FundingCalculator().Calculate(Day.Of("2024-06-01"), Build.Inputs(provider: Build.Provider(Regime.Achteraf)));

        var provider = Assert.Single(run.Providers);
        Assert.Empty(provider.Items);
        Assert.Equal(0, provider.PaymentCents);
        Assert.Equal(0, run.TotalPaymentCents);
    }

    [Theory]
    [InlineData(ItemKind.Werkvoorschot, "werkvoorschot")]
    [InlineData(ItemKind.Productie, "productie")]
    [InlineData(ItemKind.VerrekeningWerkvoorschot, "verrekening-werkvoorschot")]
    [InlineData(ItemKind.Invordering, "invordering")]
    [InlineData(ItemKind.Correctie, "correctie")]
    public void Item_kinds_have_stable_codes_that_read_back(ItemKind kind, string code)
    {
        Assert.Equal(code, ItemKindCodes.Code(kind));
        Assert.True(ItemKindCodes.TryParse(code, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void An_unknown_item_code_does_not_parse()
    {
        Assert.False(ItemKindCodes.TryParse("bonus", out _));
    }

    [Fact]
    public void Only_a_correctie_names_the_kind_it_adjusts()
    {
        Assert.Throws<ArgumentException>(() => new FundingItem(ItemKind.Productie, 2024, 1, ItemKind.Productie));
        Assert.Throws<ArgumentException>(() => new FundingItem(ItemKind.Correctie, 2024, 1));
        Assert.Throws<ArgumentException>(() => new FundingItem(ItemKind.Correctie, 2024, 1, ItemKind.Invordering));
    }
}
