namespace WlzMessaging.Funding;

/// <summary>When accepted MNDP amounts count as production (a protocol's <c>mndp.counts</c>).</summary>
public enum MndpRule
{
    /// <summary><c>crisisafspraak</c>: only for a provider with a crisisafspraak (VGZ 2024, March to December point 1b).</summary>
    WithCrisisafspraak,

    /// <summary><c>never</c>: the protocol pays no MNDP through the advance.</summary>
    Never,
}
