namespace WlzMessaging.Funding;

/// <summary>Computes the tariff corrections from the tariff history and the volumes approved before each change.</summary>
public static class TariffCorrections
{
    /// <summary>
    /// One correction per tariff change (a tariff row that follows an earlier one for the same provider, year and prestatie)
    /// whose tariff differs and whose volume is not zero.
    /// </summary>
    /// <remarks>
    /// Decision: the volume of a change entered on E is all volume received before E, not only the volume received since the
    /// previous change. Lines received before the previous change were already corrected to the previous tariff, so every
    /// line received before E stands at the old tariff; with a single change both readings are the same.
    /// </remarks>
    public static IReadOnlyList<TariffCorrection> Compute(IEnumerable<ContractedTariff> tariffs, IEnumerable<CheckedVolume> volumes)
    {
        var index = new ContractedTariffIndex(tariffs);
        var volumesByPrestatie = volumes
            .GroupBy(v => (v.Agb, v.Year, v.Prestatiecode))
            .ToDictionary(g => g.Key, g => g.ToArray());

        var corrections = new List<TariffCorrection>();
        foreach (var (key, history) in index.Histories)
        {
            if (history.Length < 2 || !volumesByPrestatie.TryGetValue(key, out var received))
            {
                continue;
            }

            for (var i = 1; i < history.Length; i++)
            {
                var (old, changed) = (history[i - 1], history[i]);
                var difference = changed.TariefCents - old.TariefCents;
                var volume = received.Where(v => v.ReceivedOn < changed.IngevoerdOp).Sum(v => v.SignedVolume);
                if (difference == 0 || volume == 0)
                {
                    continue;
                }

                corrections.Add(new TariffCorrection(
                    key.Agb,
                    key.Year,
                    key.Prestatiecode,
                    FundingCalendar.FirstOfNextMonth(changed.IngevoerdOp),
                    old.TariefCents,
                    changed.TariefCents,
                    volume,
                    checked(difference * volume)));
            }
        }

        return corrections
            .OrderBy(c => c.Agb, StringComparer.Ordinal)
            .ThenBy(c => c.Year)
            .ThenBy(c => c.Prestatiecode, StringComparer.Ordinal)
            .ThenBy(c => c.CountsFrom)
            .ToArray();
    }
}
