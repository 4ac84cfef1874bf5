using WlzMessaging.Funding;

namespace WlzMessaging.Operations.Dashboard;

/// <summary>
/// What <c>/api/forecast</c> returns and the page charts: per provider (by AGB code) what a year brought so far and what
/// the forecast expects (<see cref="YearForecasts"/>), in cents.
/// </summary>
public sealed record DashboardForecast(int Year, DateOnly From, IReadOnlyList<DashboardForecastProvider> Providers)
{
    public static DashboardForecast Of(int year, IReadOnlyList<ProviderForecast> forecasts) => new(
        year,
        forecasts.Count > 0 ? forecasts[0].From : new DateOnly(year, 1, 1),
        [.. forecasts.Select(f => new DashboardForecastProvider(
            f.Agb, f.PaidSoFarCents, f.AdvancesToComeCents, f.YearEndResultCents, f.Final?.DueCents ?? 0, f.Final?.WithheldCents ?? 0))]);
}

/// <summary>One provider's bar: paid so far, advances still to come, the year-end result (negative: a recovery).</summary>
public sealed record DashboardForecastProvider(
    string Agb, long PaidSoFarCents, long AdvancesToComeCents, long YearEndResultCents, long ProjectedDueCents, long WithheldCents);
