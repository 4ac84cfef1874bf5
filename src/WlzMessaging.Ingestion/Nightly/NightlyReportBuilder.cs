using System.Globalization;
using WlzMessaging.Funding;
using WlzMessaging.Storage.Nightly;

namespace WlzMessaging.Ingestion.Nightly;

/// <summary>Puts a nightly run's figures together into its <see cref="NightlyReport"/>, provider by provider.</summary>
internal static class NightlyReportBuilder
{
    /// <summary>Per provider, the report lists this many lines for resubmission; maz_resubmission holds them all.</summary>
    public const int MaxListedLines = 100;

    public static NightlyReport Build(
        DateOnly date,
        IReadOnlyList<int> openYears,
        NightlyFiles files,
        IReadOnlyList<ProviderCorrectionCount> corrections,
        IReadOnlyList<ProductionYear> production,
        IReadOnlyList<TariffCorrection> tariffCorrections,
        IReadOnlyList<AgreementRevision> revisions,
        IReadOnlyList<MazResubmission> resubmissions,
        IReadOnlyDictionary<int, string> names)
    {
        var agbs = corrections.Select(c => c.ProviderAgb)
            .Concat(production.Select(p => p.ProviderAgb))
            .Concat(tariffCorrections.Select(t => int.Parse(t.Agb, CultureInfo.InvariantCulture)))
            .Concat(revisions.Select(r => int.Parse(r.Agb, CultureInfo.InvariantCulture)))
            .Concat(resubmissions.Select(r => r.ProviderAgb))
            .Distinct()
            .Order();

        var providers = new List<NightlyProvider>();
        foreach (var agb in agbs)
        {
            var text = agb.ToString("D8", CultureInfo.InvariantCulture);
            var counted = corrections.FirstOrDefault(c => c.ProviderAgb == agb);
            var lines = resubmissions.Where(r => r.ProviderAgb == agb).ToList();
            providers.Add(new NightlyProvider
            {
                Agb = text,
                ProviderName = names.GetValueOrDefault(agb),
                Credits = counted?.Credits ?? 0,
                CreditsUnmatched = counted?.CreditsUnmatched ?? 0,
                Redebits = counted?.Redebits ?? 0,
                CorrectionNetCents = counted?.NetCents ?? 0,
                Production = [.. production.Where(p => p.ProviderAgb == agb).Select(p => new NightlyProductionYear(p.Year, p.Months, p.ApprovedCents))],
                TariffCorrections =
                [
                    .. tariffCorrections.Where(t => t.Agb == text).Select(t => new NightlyTariffCorrection(
                        t.Year, t.Prestatiecode, t.OldTariefCents, t.NewTariefCents, t.Volume, t.AmountCents, t.CountsFrom)),
                ],
                Herschikkingen = [.. revisions.Where(r => r.Agb == text).Select(r => new NightlyHerschikking(r.Year, r.OldAmountCents, r.NewAmountCents, r.GeldigVanaf))],
                LateMazLines = lines.Count,
                Resubmit =
                [
                    .. lines.Take(MaxListedLines).Select(r => new NightlyResubmission(
                        r.FileName, r.FileId, r.RecordId, r.Referentienummer, r.Prestatiecode, r.DeclarationYear,
                        r.Retourcode.ToString("D4", CultureInfo.InvariantCulture), r.DeclaredCents)),
                ],
            });
        }

        return new NightlyReport
        {
            Date = date,
            FilesProcessed = files.Answered,
            StaleClaimsReleased = files.StaleClaimsReleased,
            Credits = corrections.Sum(c => c.Credits),
            CreditsUnmatched = corrections.Sum(c => c.CreditsUnmatched),
            Redebits = corrections.Sum(c => c.Redebits),
            CorrectionNetCents = corrections.Sum(c => c.NetCents),
            ProductionYearsRecomputed = production.Count,
            TariffCorrections = tariffCorrections.Count,
            TariffCorrectionCents = tariffCorrections.Sum(t => t.AmountCents),
            Herschikkingen = revisions.Count,
            LateMazLines = resubmissions.Count,
            OpenYears = openYears,
            Files = files,
            Providers = providers,
        };
    }
}
