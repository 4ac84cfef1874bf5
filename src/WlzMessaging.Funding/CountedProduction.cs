namespace WlzMessaging.Funding;

/// <summary>
/// A provider's production of one declaration year as the funding counts it up to a day: Pc (the capped prestaties) and Px
/// (the exempt ones), each from approved lines, accepted MNDP rows and tariff corrections. Every figure that means
/// "production" for a provider (run, statement, feedback page, report) is this one, from <see cref="FundingCalculator.Production"/>.
/// </summary>
public sealed record CountedProduction(string Agb, int Year, DateOnly Before, ProductionBreakdown NonExempt, ProductionBreakdown Exempt)
{
    /// <summary>Pc + Px: all production counted, before the cap.</summary>
    public long TotalCents => checked(NonExempt.TotalCents + Exempt.TotalCents);

    /// <summary>The approved lines' part of <see cref="TotalCents"/>.</summary>
    public long LinesCents => checked(NonExempt.LinesCents + Exempt.LinesCents);

    /// <summary>The accepted MNDP rows' part of <see cref="TotalCents"/>.</summary>
    public long MndpCents => checked(NonExempt.MndpCents + Exempt.MndpCents);

    /// <summary>The tariff corrections' part of <see cref="TotalCents"/>.</summary>
    public long TariffCorrectionCents => checked(NonExempt.TariffCorrectionCents + Exempt.TariffCorrectionCents);
}
