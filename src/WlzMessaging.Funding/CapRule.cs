namespace WlzMessaging.Funding;

/// <summary>How capped production is limited in a run (a protocol's <c>cap</c>).</summary>
public enum CapRule
{
    /// <summary>
    /// <c>cumulative-monthly</c>: Cap(D) = e(D) × J(D) / 12, the "actuele cumulatieve maandafspraak" (VGZ 2024, March to
    /// December point 3). The only rule the protocols read so far use.
    /// </summary>
    CumulativeMonthly,
}
