namespace WlzMessaging.Reference;

/// <summary>A MAZ-MEZ period of care, both dates inclusive; <see cref="End"/> none while care goes on.</summary>
public readonly record struct MazPeriod(DateOnly Begin, DateOnly? End)
{
    /// <summary>True when the period shares at least one day with <paramref name="begin"/>..<paramref name="end"/>.</summary>
    public bool Touches(DateOnly begin, DateOnly end) => Begin <= end && begin <= (End ?? DateOnly.MaxValue);

    /// <summary>True when <paramref name="begin"/>..<paramref name="end"/> lies wholly inside the period.</summary>
    public bool Contains(DateOnly begin, DateOnly end) => Begin <= begin && end <= (End ?? DateOnly.MaxValue);
}

/// <summary>How the MAZ periods of a client with a provider cover a declared period.</summary>
public enum MazCoverage
{
    /// <summary>No period touches it (retourcode 8290).</summary>
    None = 0,

    /// <summary>A period touches it, but none holds it wholly: it starts before the MAZ or runs past the MEZ (8287).</summary>
    Partial = 1,

    /// <summary>One period holds it wholly.</summary>
    Whole = 2,
}
