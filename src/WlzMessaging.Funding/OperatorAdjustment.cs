namespace WlzMessaging.Funding;

/// <summary>
/// An operator's change to one item of a draft run (protocol, point 2): the item of <paramref name="Adjusts"/> and
/// <paramref name="Year"/> is to pay <paramref name="NewAmountCents"/>. Storage records it with who and when; the old
/// amount is the item's amount before the change.
/// </summary>
public sealed record OperatorAdjustment(ItemKind Adjusts, int Year, long NewAmountCents, string Reason);
