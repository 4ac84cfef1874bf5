namespace WlzMessaging.Funding;

/// <summary>
/// The tariff corrections of the tariff changes entered on one day, as the nightly job reports them ahead of the advance
/// run: for each tarief row entered on <c>day</c> that follows an earlier row of the same provider, year and prestatie,
/// <see cref="TariffCorrections.Compute"/> over that change alone (the row in force before it, and it), so the amount is
/// exactly what the run on the first of the next month will count for it.
/// </summary>
public static class TariffChangeCorrections
{
    /// <param name="day">The day the changes were entered (tarief.ingevoerd_op).</param>
    /// <param name="tariffs">The tariff rows of the prestaties concerned; rows entered after <paramref name="day"/> are ignored.</param>
    /// <param name="volumes">The signed volumes of the approved lines of those prestaties, by day of receipt.</param>
    public static IReadOnlyList<TariffCorrection> EnteredOn(DateOnly day, IEnumerable<ContractedTariff> tariffs, IEnumerable<CheckedVolume> volumes)
    {
        ArgumentNullException.ThrowIfNull(tariffs);
        ArgumentNullException.ThrowIfNull(volumes);
        var pairs = new List<ContractedTariff>();
        foreach (var history in tariffs.Where(t => t.IngevoerdOp <= day).GroupBy(t => (t.Agb, t.Year, t.Prestatiecode)))
        {
            var ordered = history.OrderBy(t => t.IngevoerdOp).ToArray();
            var changed = ordered[^1];
            if (changed.IngevoerdOp != day || ordered.Length < 2)
            {
                continue;
            }

            // Only the change of this day: Compute then yields one correction for it (none when nothing was received before
            // it or the tariff did not change), with the volume rule the advance run applies.
            pairs.Add(ordered[^2]);
            pairs.Add(changed);
        }

        return pairs.Count == 0 ? [] : TariffCorrections.Compute(pairs, volumes);
    }
}
