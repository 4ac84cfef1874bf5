namespace WlzMessaging.Funding;

/// <summary>
/// Approved production of one provider for one year (the year of 0414), received in one bucket of time: the net signed sum
/// of 0483 (credit lines negative) of the approved lines (8001) of production files (0105 = P) received from
/// <paramref name="ReceivedOn"/> on, split by whether the prestatie is exempt from the cap.
/// </summary>
/// <remarks>
/// Shaped for a SQL aggregate: one row per provider, year and received day (or calendar month, keyed by its first day),
/// with <c>sum(amount) filter (where not prestatiecode = any(@exempt))</c> and <c>… filter (where … = any(@exempt))</c>,
/// where @exempt is the year's <see cref="AdvanceProtocol.ExemptPrestaties"/>. A run on D counts a bucket when
/// <paramref name="ReceivedOn"/> &lt; D; since runs fall on the first of a month, a month bucket keyed by its first day is
/// counted exactly by the runs after that month.
/// </remarks>
public sealed record ReceivedProduction(string Agb, int Year, DateOnly ReceivedOn, long NonExemptCents, long ExemptCents);
