namespace WlzMessaging.Reference;

/// <summary>One row of providers.csv: a contracted Wlz provider (zorgaanbieder), keyed by its AGB code.</summary>
/// <param name="Agb">The AGB code (8 digits), as in AW319 0112 INSTELLINGSCODE.</param>
/// <param name="Crisisafspraak">Whether the provider has a crisis agreement, so its MNDP lines count for the advance.</param>
public sealed record ProviderRow(int Agb, string Naam, Regime Regime, bool Crisisafspraak);
