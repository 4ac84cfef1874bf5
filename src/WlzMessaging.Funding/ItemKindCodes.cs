namespace WlzMessaging.Funding;

/// <summary>The codes of <see cref="ItemKind"/> as stored and shown: werkvoorschot, productie, verrekening-werkvoorschot, …</summary>
public static class ItemKindCodes
{
    public static string Code(ItemKind kind) => kind switch
    {
        ItemKind.Werkvoorschot => "werkvoorschot",
        ItemKind.Productie => "productie",
        ItemKind.VerrekeningWerkvoorschot => "verrekening-werkvoorschot",
        ItemKind.Invordering => "invordering",
        ItemKind.Correctie => "correctie",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown item kind."),
    };

    public static bool TryParse(string? code, out ItemKind kind)
    {
        foreach (var candidate in Enum.GetValues<ItemKind>())
        {
            if (Code(candidate) == code)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
