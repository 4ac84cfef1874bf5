namespace WlzMessaging.Reference;

/// <summary>A meerzorg beschikking of a client with a provider: its period (inclusive; no end = open) and tariff.</summary>
public readonly record struct MeerzorgBeschikking(DateOnly Begin, DateOnly? End, long TariefCent)
{
    /// <summary>True when <paramref name="begin"/>..<paramref name="end"/> lies wholly inside the beschikking.</summary>
    public bool Covers(DateOnly begin, DateOnly end) => Begin <= begin && end <= (End ?? DateOnly.MaxValue);
}
