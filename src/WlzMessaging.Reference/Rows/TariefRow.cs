namespace WlzMessaging.Reference;

/// <summary>
/// One row of tarieven.csv: the contracted tariff of a prestatie agreed with a provider for a year. A prestatiecode without
/// any row for that agb and year is not agreed (retourcode 8226). A later <paramref name="IngevoerdOp"/> is a tariff change:
/// files received from that date on are checked against the new tariff.
/// </summary>
public sealed record TariefRow(int Agb, int Jaar, PrestatieCode Prestatiecode, long TariefCent, DateOnly IngevoerdOp);
