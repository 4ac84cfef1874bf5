namespace WlzMessaging.Funding;

/// <summary>
/// An item of an earlier, approved run as paid (after the operator's review): the history every later run computes from.
/// Flat so storage can read it with one query over the approved runs' items.
/// </summary>
public sealed record PaidItem(string Agb, DateOnly RunDate, ItemKind Kind, int Year, long AmountCents, ItemKind? Adjusts = null)
{
    public FundingItem ToItem() => new(Kind, Year, AmountCents, Adjusts);

    public bool CountsAs(ItemKind kind) => Kind == kind || Adjusts == kind;
}
