namespace WlzMessaging.Funding;

/// <summary>
/// One line of a provider's run: a kind, the year it concerns and a signed amount (positive paid to the provider).
/// A correctie names the kind it adjusts, so the next run knows what was actually paid for a year's production or
/// werkvoorschot.
/// </summary>
public sealed record FundingItem
{
    public FundingItem(ItemKind kind, int year, long amountCents, ItemKind? adjusts = null)
    {
        if ((kind == ItemKind.Correctie) != adjusts.HasValue)
        {
            throw new ArgumentException("A correctie names the kind it adjusts; no other item does.", nameof(adjusts));
        }

        if (adjusts is ItemKind.Correctie or ItemKind.Invordering)
        {
            throw new ArgumentException(
                "A correctie adjusts a werkvoorschot, productie or verrekening-werkvoorschot; an invordering follows from the total.",
                nameof(adjusts));
        }

        Kind = kind;
        Year = year;
        AmountCents = amountCents;
        Adjusts = adjusts;
    }

    public ItemKind Kind { get; }

    /// <summary>The year the item concerns: the werkvoorschot's, production's or recovery's year, not the run's.</summary>
    public int Year { get; }

    public long AmountCents { get; }

    /// <summary>For a correctie: the kind of item it adjusts; null otherwise.</summary>
    public ItemKind? Adjusts { get; }

    /// <summary>True for the item itself and for a correctie of it: together they are what was paid as that kind.</summary>
    public bool CountsAs(ItemKind kind) => Kind == kind || Adjusts == kind;

    public override string ToString() =>
        Adjusts is { } adjusted
            ? $"{ItemKindCodes.Code(Kind)} ({ItemKindCodes.Code(adjusted)}) {Year}: {AmountCents}"
            : $"{ItemKindCodes.Code(Kind)} {Year}: {AmountCents}";
}
