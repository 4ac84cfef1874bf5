using WlzMessaging.Reference;

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
        // The messages show the codes as people see them: the AGB code as eight digits, the prestatiecode as text.
        var agb = AgbCode.ToText(row.Agb);
        var prestatiecode = row.Prestatiecode.ToString();
        if (!providersByAgb.TryGetValue(agb, out var provider))
        {
            return new(row, MndpRejectionReason.UnknownProvider, $"AGB {agb} is not a known provider.");
        }

        if (!provider.Crisisafspraak)
        {
            return new(row, MndpRejectionReason.NoCrisisafspraak,
                $"Provider {agb} has no crisisafspraak; its MNDP rows do not count.");
        }

        if (!tariffIndex.IsContracted(agb, row.Jaar, prestatiecode))
        {
            return new(row, MndpRejectionReason.UnknownPrestatie,
                $"Prestatie {prestatiecode} is not contracted with {agb} for {row.Jaar}.");
        }

        var contracted = tariffIndex.InForce(agb, row.Jaar, prestatiecode, row.IngediendOp);
        if (contracted is null || contracted.TariefCents != row.TariefCent)
        {
            var expected = contracted is null ? "no tariff in force yet" : $"contracted {contracted.TariefCents}";
            return new(row, MndpRejectionReason.TariffDiffersFromContract,
                $"Tariff {row.TariefCent} of {prestatiecode} on {row.IngediendOp:yyyy-MM-dd}: {expected}.");
        }

        return null;
    }
}
