namespace WlzMessaging.Funding;

/// <summary>
/// The contracted tariff of a prestatie for a provider and year (a row of tarieven.csv). A later
/// <paramref name="IngevoerdOp"/> for the same provider, year and prestatie is a tariff change: lines received from that
/// date on are checked against the new tariff.
/// </summary>
public sealed record ContractedTariff(string Agb, int Year, string Prestatiecode, long TariefCents, DateOnly IngevoerdOp);
