namespace WlzMessaging.Funding;

/// <summary>Where a production total comes from, so an operator can trace Pc or Px back to its sources.</summary>
public sealed record ProductionBreakdown(long LinesCents, long MndpCents, long TariffCorrectionCents)
{
    public static ProductionBreakdown Zero { get; } = new(0, 0, 0);

    public long TotalCents => checked(LinesCents + MndpCents + TariffCorrectionCents);
}
