namespace WlzMessaging.Funding;

/// <summary>
/// The correction a tariff change earns (protocol, point 1c): (new tariff − old tariff) × the volume approved at the old
/// tariff. It counts in the runs from <paramref name="CountsFrom"/> on (the first of the month after ingevoerd_op), in the
/// capped or the exempt production like its prestatie.
/// </summary>
public sealed record TariffCorrection(
    string Agb,
    int Year,
    string Prestatiecode,
    DateOnly CountsFrom,
    long OldTariefCents,
    long NewTariefCents,
    long Volume,
    long AmountCents);
