namespace WlzMessaging.Funding;

/// <summary>Everything a run computes from, in memory. Rows of providers not in <see cref="Providers"/> are reported, not paid.</summary>
public sealed record FundingInputs
{
    public required IReadOnlyList<Provider> Providers { get; init; }

    /// <summary>Every revision of every jaarafspraak (afspraken.csv).</summary>
    public IReadOnlyList<Jaarafspraak> Jaarafspraken { get; init; } = [];

    /// <summary>Approved production per provider, year and received bucket.</summary>
    public IReadOnlyList<ReceivedProduction> Production { get; init; } = [];

    /// <summary>Accepted MNDP amounts (<see cref="MndpValidation"/>); they count only for providers with a crisisafspraak.</summary>
    public IReadOnlyList<MndpAmount> Mndp { get; init; } = [];

    /// <summary>Corrections from tariff changes (<see cref="TariffCorrections.Compute"/>).</summary>
    public IReadOnlyList<TariffCorrection> TariffCorrections { get; init; } = [];

    /// <summary>Recoveries open from before the engine's runs (invorderingen.csv), as opening balances.</summary>
    public IReadOnlyList<Invordering> Invorderingen { get; init; } = [];

    /// <summary>The items of the approved earlier runs; items of runs on or after the run date are ignored.</summary>
    public IReadOnlyList<PaidItem> History { get; init; } = [];
}
