namespace WlzMessaging.Funding.Tests;

/// <summary>
/// The forecast against scenarios whose outcome is worked out by hand: J2024 = 120,000,000, W = 10,204,082 paid on
/// 1 January and 1 February, production sent each month on the 10th from February to June, the runs of January to June
/// approved. The forecast starts at the run of 1 July.
/// </summary>
public sealed class ForecastTests
{
    private static FundingScenario Approved(long capped, long exempt)
    {
        var production = Enumerable.Range(2, 5)
            .Select(month => Build.Received(2024, $"2024-{month:D2}-10", capped, exempt))
            .ToArray();
        var scenario = new FundingScenario(Build.Inputs(
            jaarafspraken: [Build.Jaarafspraak(2024, 120_000_000), Build.Jaarafspraak(2025, 0)],
            production: production));
        scenario.RunMonths("2024-01-01", "2024-06-01");
        return scenario;
    }

    private static ProviderForecast Forecast(FundingScenario scenario) => Assert.Single(YearForecasts.Forecast(
        2024, Day.Of("2024-07-01"), scenario.Inputs with { History = [.. scenario.History] }, FundingSettings.Default));

    [Fact]
    public void Below_the_cap_the_year_ends_with_the_months_still_to_come_less_the_werkvoorschot()
    {
        // Pace: April, May and June brought 8,000,000 capped and 500,000 exempt each → 8,500,000 a month. Received so far
        // 5 × 8,500,000 = 42,500,000; to come, on the first of July 2024 to March 2025 (the cutoff is 25 March), 9 months.
        var forecast = Forecast(Approved(8_000_000, 500_000));

        Assert.Equal((8_000_000L, 500_000L), (forecast.PaceNonExemptCents, forecast.PaceExemptCents));

        // Paid so far: 2 × 10,204,082 and the production runs of March to June (4 × 8,500,000).
        Assert.Equal(20_408_164 + 34_000_000, forecast.PaidSoFarCents);

        // July to December: each run pays the month received before it, 6 × 8,500,000.
        Assert.Equal(51_000_000, forecast.AdvancesToComeCents);

        // January to April 2025: 4 × 8,500,000 of production less the two werkvoorschotten settled = a payment.
        Assert.Equal(34_000_000 - 20_408_164, forecast.YearEndResultCents);
        Assert.Equal(13_591_836, forecast.YearEndResultCents);

        // Everything together is the year's projected due: 14 months × 8,500,000.
        Assert.Equal(119_000_000, forecast.Final!.DueCents);
        Assert.Equal(forecast.Final.DueCents, forecast.PaidSoFarCents + forecast.AdvancesToComeCents + forecast.YearEndResultCents);
    }

    [Fact]
    public void Above_the_cap_the_forecast_withholds_what_the_cap_does_and_pays_exempt_production_in_full()
    {
        // 12,000,000 capped a month: 14 months are 168,000,000 against a J of 120,000,000; 1,000,000 exempt a month is paid.
        var forecast = Forecast(Approved(12_000_000, 1_000_000));

        Assert.Equal(168_000_000, forecast.Final!.NonExempt.TotalCents);
        Assert.Equal(48_000_000, forecast.Final.WithheldCents);
        Assert.Equal(120_000_000 + 14_000_000, forecast.Final.DueCents);
        Assert.Equal(forecast.Final.DueCents, forecast.PaidSoFarCents + forecast.AdvancesToComeCents + forecast.YearEndResultCents);

        // From August the cap (e × 10,000,000) holds capped production back: the run of 1 December pays the cap's
        // 10,000,000 a month and the exempt 1,000,000.
        Assert.Equal(11_000_000, forecast.Runs.Single(r => r.RunDate == Day.Of("2024-12-01")).ItemsCents);
    }

    [Fact]
    public void A_provider_that_sent_nothing_recently_has_a_pace_of_zero_and_is_recovered_its_werkvoorschot()
    {
        var scenario = new FundingScenario(Build.Inputs(jaarafspraken: [Build.Jaarafspraak(2024, 120_000_000), Build.Jaarafspraak(2025, 0)]));
        scenario.RunMonths("2024-01-01", "2024-06-01");

        var forecast = Forecast(scenario);

        Assert.Equal((0L, 0L), (forecast.PaceNonExemptCents, forecast.PaceExemptCents));
        Assert.Equal(0, forecast.AdvancesToComeCents);
        Assert.Equal(-20_408_164, forecast.YearEndResultCents);
    }
}
