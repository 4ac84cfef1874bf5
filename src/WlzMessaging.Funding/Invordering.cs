namespace WlzMessaging.Funding;

/// <summary>
/// A recovery still open from an earlier year (a row of invorderingen.csv): <paramref name="AmountCents"/> is what the
/// provider owes, a positive amount. It is an opening balance: the engine derives what is still open from the offsets its
/// own runs made, so the row keeps its original amount.
/// </summary>
public sealed record Invordering(string Agb, int Year, long AmountCents);
