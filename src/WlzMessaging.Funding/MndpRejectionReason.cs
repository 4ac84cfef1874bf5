namespace WlzMessaging.Funding;

/// <summary>Why an MNDP row does not count for the advance.</summary>
public enum MndpRejectionReason
{
    /// <summary>The AGB code is not a known provider.</summary>
    UnknownProvider,

    /// <summary>The provider has no crisis agreement, so the MNDP is not open to it (protocol, point 1b).</summary>
    NoCrisisafspraak,

    /// <summary>The prestatie has no contracted tariff for this provider and year: it is not agreed.</summary>
    UnknownPrestatie,

    /// <summary>The row's tariff differs from the contracted tariff in force on ingediend_op (or none was in force yet).</summary>
    TariffDiffersFromContract,
}
