namespace WlzMessaging.Funding;

/// <summary>Decides which MNDP rows count for the advance.</summary>
public static class MndpValidation
{
    /// <summary>
    /// A row counts when its provider is known and has a crisis agreement, its prestatie is contracted for that provider and
    /// year, and its tariff equals the contracted tariff in force on ingediend_op. Every other row is reported with the first
    /// reason that applies, in that order, and does not count.
    /// </summary>
    public static MndpValidationResult Validate(
        IEnumerable<MndpRow> rows,
        IEnumerable<Provider> providers,
        IEnumerable<ContractedTariff> tariffs)
    {
        var providersByAgb = providers.ToDictionary(p => p.Agb, StringComparer.Ordinal);
        var tariffIndex = new ContractedTariffIndex(tariffs);
        var accepted = new List<MndpRow>();
        var rejected = new List<RejectedMndpRow>();

        foreach (var row in rows)
        {
            var rejection = Check(row, providersByAgb, tariffIndex);
            if (rejection is null)
            {
                accepted.Add(row);
            }
            else
            {
                rejected.Add(rejection);
            }
        }

        return new MndpValidationResult(accepted, rejected);
    }

    private static RejectedMndpRow? Check(
        MndpRow row,
        Dictionary<string, Provider> providersByAgb,
        ContractedTariffIndex tariffIndex)
    {
        if (!providersByAgb.TryGetValue(row.Agb, out var provider))
        {
            return new(row, MndpRejectionReason.UnknownProvider, $"AGB {row.Agb} is not a known provider.");
        }

        if (!provider.Crisisafspraak)
        {
            return new(row, MndpRejectionReason.NoCrisisafspraak,
                $"Provider {row.Agb} has no crisisafspraak; its MNDP rows do not count.");
        }

        if (!tariffIndex.IsContracted(row.Agb, row.Year, row.Prestatiecode))
        {
            return new(row, MndpRejectionReason.UnknownPrestatie,
                $"Prestatie {row.Prestatiecode} is not contracted with {row.Agb} for {row.Year}.");
        }

        var contracted = tariffIndex.InForce(row.Agb, row.Year, row.Prestatiecode, row.IngediendOp);
        if (contracted is null || contracted.TariefCents != row.TariefCents)
        {
            var expected = contracted is null ? "no tariff in force yet" : $"contracted {contracted.TariefCents}";
            return new(row, MndpRejectionReason.TariffDiffersFromContract,
                $"Tariff {row.TariefCents} of {row.Prestatiecode} on {row.IngediendOp:yyyy-MM-dd}: {expected}.");
        }

        return null;
    }
}
