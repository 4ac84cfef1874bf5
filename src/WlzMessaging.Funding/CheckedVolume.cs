namespace WlzMessaging.Funding;

/// <summary>
/// The signed volume (0418, credit lines negative) of approved lines of one prestatie of a provider and year, received on
/// one day. The day matters: a line is checked against the tariff in force when it was received, so a tariff change
/// entered mid-month splits the month.
/// </summary>
/// <remarks>
/// A SQL aggregate per provider, year, prestatiecode and received day; only prestaties with more than one tariff row need
/// it. Accepted MNDP rows can be added through <see cref="MndpRowFunding"/> (ToCheckedVolume).
/// </remarks>
public sealed record CheckedVolume(string Agb, int Year, string Prestatiecode, DateOnly ReceivedOn, long SignedVolume);
