using System.Text.Json;
using Microsoft.Extensions.Logging;
using WlzMessaging.Adjudication;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Nightly;

namespace WlzMessaging.Ingestion.Nightly;

/// <summary>
/// The nightly reprocessing of one date, as <c>wlz nightly</c> and the worker (<c>wlz run</c>, at <c>Nightly:At</c>) both run
/// it. In order:
/// <list type="number">
/// <item>files that could not finish (<see cref="PendingFiles"/>), so their lines count in what follows;</item>
/// <item>in one transaction under the nightly lock: the day's credits and re-debits matched to the debits they correct, the
/// net production per provider, year and month recomputed for the providers and years that received production; the tariff
/// corrections of the tariff changes entered that day; the herschikkingen taking effect that day; the lines rejected for
/// the MAZ in an open year that a MAZ period now covers, listed for resubmission; the report, committed with the work
/// (<see cref="NightlyDay.FinishRunAsync"/>).</item>
/// </list>
/// Running a date again changes nothing: each step adds rows keyed by the line (ON CONFLICT DO NOTHING) or replaces the rows
/// of the date with the same computation, and the report is read back from those rows.
/// </summary>
public sealed class NightlyJob(Store store, AdjudicationSettings adjudication, ILogger logger)
{
    /// <summary>Runs <paramref name="date"/>.</summary>
    /// <param name="pending">The files step; null leaves files to the worker (the report says <c>skipped</c>).</param>
    /// <param name="unlessFinished">The worker's schedule: a date whose run finished already (by any process) is left alone.</param>
    /// <returns>The report, or null when <paramref name="unlessFinished"/> found the date done.</returns>
    public async Task<NightlyReport?> RunAsync(DateOnly date, PendingFiles? pending, bool unlessFinished, CancellationToken cancellationToken)
    {
        if (unlessFinished && await FinishedAsync(date, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        logger.LogInformation("Nightly run of {Date:yyyy-MM-dd} started", date);
        await NightlyRuns.MarkStartedAsync(store, date, cancellationToken).ConfigureAwait(false);
        var files = pending is null ? NightlyFiles.Skipped : await pending.ProcessAsync(cancellationToken).ConfigureAwait(false);

        var day = await NightlyDay.BeginAsync(store, date, cancellationToken).ConfigureAwait(false);
        await using (day.ConfigureAwait(false))
        {
            await ProviderCorrections.MatchAsync(day, cancellationToken).ConfigureAwait(false);
            var corrections = await ProviderCorrections.CountAsync(day, cancellationToken).ConfigureAwait(false);
            var production = await ProviderCorrections.RecomputeProductionAsync(day, cancellationToken).ConfigureAwait(false);
            var tariffs = await ReferenceCorrections.TariffCorrectionsAsync(day, cancellationToken).ConfigureAwait(false);
            var revisions = await ReferenceCorrections.AgreementRevisionsAsync(day, cancellationToken).ConfigureAwait(false);
            var openYears = NightlySchedule.OpenYears(date, adjudication);
            var resubmissions = await MazResubmissions.ListAsync(day, openYears, cancellationToken).ConfigureAwait(false);
            var names = await ProviderNames.ReadAsync(day, cancellationToken).ConfigureAwait(false);

            var report = NightlyReportBuilder.Build(date, openYears, files, corrections, production, tariffs, revisions, resubmissions, names);
            await day.FinishRunAsync(ToJson(report), cancellationToken).ConfigureAwait(false);
            await day.CommitAsync(cancellationToken).ConfigureAwait(false);

            logger.LogInformation(
                "Nightly run of {Date:yyyy-MM-dd} finished: {Files} files answered, {Credits} credits and {Redebits} re-debits matched, " +
                "{TariffCorrections} tariff corrections, {Herschikkingen} herschikkingen, {LateMaz} lines listed for resubmission",
                date, report.FilesProcessed, report.Credits, report.Redebits, report.TariffCorrections, report.Herschikkingen, report.LateMazLines);
            return report;
        }
    }

    public static string ToJson(NightlyReport report) => JsonSerializer.Serialize(report, NightlyReportJson.Default.NightlyReport);

    private Task<bool> FinishedAsync(DateOnly date, CancellationToken cancellationToken) =>
        NightlyRuns.IsFinishedAsync(store, date, cancellationToken);
}
