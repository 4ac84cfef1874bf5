namespace WlzMessaging.Reference;

/// <summary>
/// One row of afspraken.csv: the annual production agreement (jaarafspraak) of a provider for a year, in force from
/// <paramref name="GeldigVanaf"/>. A later row for the same agb and year is a herschikking that replaces it from its date on.
/// </summary>
public sealed record AfspraakRow(int Agb, int Jaar, long JaarafspraakCent, DateOnly GeldigVanaf);
