namespace WlzMessaging.Funding;

/// <summary>
/// The production figures of one provider and year in one run: the terms of the production item, kept with the run so the
/// item can be explained and the year statement shown.
/// </summary>
public sealed record ProductionFigures
{
    public required int Year { get; init; }

    /// <summary>J(D): the jaarafspraak in force on the run date.</summary>
    public required long JaarafspraakCents { get; init; }

    /// <summary>e(D): whole months of the year before the run date, at most 12.</summary>
    public required int ElapsedMonths { get; init; }

    /// <summary>Cap(D) = e(D) × J(D) / 12, the actuele cumulatieve maandafspraak, rounded once.</summary>
    public long CapCents => CentsArithmetic.MultiplyDivide(JaarafspraakCents, ElapsedMonths, 12);

    /// <summary>Pc(D): production of the capped prestaties counted so far.</summary>
    public required ProductionBreakdown NonExempt { get; init; }

    /// <summary>Px(D): production of the exempt prestaties counted so far.</summary>
    public required ProductionBreakdown Exempt { get; init; }

    /// <summary>What earlier runs paid for this year's production: their production items and the corrections of them.</summary>
    public required long PaidBeforeCents { get; init; }

    /// <summary>Due(D) = min(Pc, Cap) + Px: capped production up to the cap, exempt production in full.</summary>
    public long DueCents => checked(Math.Min(NonExempt.TotalCents, CapCents) + Exempt.TotalCents);

    /// <summary>The production item: due now minus paid before; negative when credits outweigh new production.</summary>
    public long ItemCents => checked(DueCents - PaidBeforeCents);

    /// <summary>Overproduction above the cap, not paid (yet): it waits for a herschikking or for the nacalculatie.</summary>
    public long WithheldCents => Math.Max(0, NonExempt.TotalCents - CapCents);
}
