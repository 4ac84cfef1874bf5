namespace WlzMessaging.Funding;

/// <summary>
/// One revision of a provider's annual production agreement in money (a row of afspraken.csv). A later
/// <paramref name="GeldigVanaf"/> for the same provider and year is a herschikking that replaces the earlier amount from that
/// date on.
/// </summary>
public sealed record Jaarafspraak(string Agb, int Year, long AmountCents, DateOnly GeldigVanaf);
