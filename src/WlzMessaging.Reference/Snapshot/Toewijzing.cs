namespace WlzMessaging.Reference;

/// <summary>
/// A toewijzing as the adjudicator checks a line against it (rules 0551 and 0553): a value, so a client's toewijzingen are one
/// span of a shared array. Periods are inclusive; an open end is <see cref="DateOnly.MaxValue"/>.
/// </summary>
public readonly record struct Toewijzing(
    int Agb,
    short Zzpcode,
    byte Functiecode,
    Leveringsvorm Leveringsvorm,
    DateOnly Ingangsdatum,
    DateOnly Einddatum,
    DateOnly? ZorgBegindatum,
    DateOnly ZorgEinddatum)
{
    /// <summary>True when the toewijzingsperiode holds every day of <paramref name="begin"/>..<paramref name="end"/>.</summary>
    public bool IsValidOver(DateOnly begin, DateOnly end) => Ingangsdatum <= begin && end <= Einddatum;

    /// <summary>
    /// True when the provider reported the start of care on or before <paramref name="begin"/> and no end before
    /// <paramref name="end"/>: the client was opgenomen on every day of the period.
    /// </summary>
    public bool HasOpnameOver(DateOnly begin, DateOnly end) => ZorgBegindatum is { } start && start <= begin && end <= ZorgEinddatum;
}
