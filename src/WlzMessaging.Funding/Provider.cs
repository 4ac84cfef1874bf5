using WlzMessaging.Reference;

namespace WlzMessaging.Funding;

/// <summary>A contracted provider as funding sees it (a row of providers.csv).</summary>
public sealed record Provider
{
    public Provider(string agb, Regime regime, bool crisisafspraak)
    {
        Agb = AgbCode.Require(agb, nameof(agb));
        Regime = regime;
        Crisisafspraak = crisisafspraak;
    }

    public string Agb { get; }

    public Regime Regime { get; }

    /// <summary>Whether the provider has a crisis agreement: only then do its MNDP rows count (protocol, point 1b).</summary>
    public bool Crisisafspraak { get; }
}
