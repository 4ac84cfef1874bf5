namespace WlzMessaging.Reference;

/// <summary>How a provider is financed during the year (providers.csv, column regime).</summary>
public enum Regime
{
    /// <summary><c>werkvoorschot</c>: received advances in earlier years, so it gets the January/February advance.</summary>
    Werkvoorschot = 1,

    /// <summary><c>achteraf</c>: new, or without an advance: paid only on approved production.</summary>
    Achteraf = 2,
}
