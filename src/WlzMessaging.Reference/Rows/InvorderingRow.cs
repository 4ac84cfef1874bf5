namespace WlzMessaging.Reference;

/// <summary>
/// One row of invorderingen.csv: a recovery (invordering) still open from an earlier year, offset against the provider's
/// next payments until paid.
/// </summary>
/// <param name="Jaar">The year the recovery stems from.</param>
/// <param name="BedragCent">The amount still open, more than zero.</param>
public sealed record InvorderingRow(int Agb, int Jaar, long BedragCent);
