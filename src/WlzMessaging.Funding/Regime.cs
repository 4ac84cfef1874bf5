namespace WlzMessaging.Funding;

/// <summary>How a provider is advanced (providers.csv, column regime).</summary>
public enum Regime
{
    /// <summary>Received advances in earlier years: gets the werkvoorschot in January and February.</summary>
    Werkvoorschot,

    /// <summary>New, or never advanced before: paid only on approved production (protocol, points 2 and 3).</summary>
    Achteraf,
}
