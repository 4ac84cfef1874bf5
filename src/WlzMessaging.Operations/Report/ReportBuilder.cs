using WlzMessaging.Adjudication;
using WlzMessaging.Reference;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Operations.Report;

/// <summary>Turns what <see cref="ReportQueries"/> read into the report: meanings, shares, lateness in working days.</summary>
public static class ReportBuilder
{
    public static async Task<OperationsReport> ReadAsync(ReportQueries queries, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Build(period, await queries.ReadAsync(period, cancellationToken).ConfigureAwait(false));
    }

    public static OperationsReport Build(ReportPeriod period, ReportRows rows)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rows);
        var total = rows.Files.FirstOrDefault(f => f.IsTotal) ?? new FileFigures { IsTotal = true };
        var production = rows.Production.ToDictionary(p => AgbCode.ToInt(p.Agb), p => p.TotalCents);
        var providers = rows.Files
            .Where(f => !f.IsTotal)
            .Select(f => Figures(f, new ReportProvider
            {
                Agb = AgbText.Of(f.ProviderAgb),
                Name = f.ProviderName,
                ProductionCents = f.ProviderAgb is { } agb ? production.GetValueOrDefault(agb) : 0,
                Retourcodes = Ranks(rows.LineCodes.Where(c => !c.IsTotal && c.ProviderAgb == f.ProviderAgb), f.RejectedLines),
                WholeFileRejections = WholeFileRejection.Rank(rows.FileCodes.Where(c => !c.IsTotal && c.ProviderAgb == f.ProviderAgb), f.RejectedFiles),
            }))
            .ToList();

        return new OperationsReport(
            period.From,
            period.To,
            period.Today,
            new ReportTargets(period.AimDays, period.LimitDays, period.DueWorkingDays),
            Figures(total, new ReportFigures { ProductionCents = production.Values.Sum() }),
            providers,
            Ranks(rows.LineCodes.Where(c => c.IsTotal), total.RejectedLines),
            WholeFileRejection.Rank(rows.FileCodes.Where(c => c.IsTotal), total.RejectedFiles),
            rows.Overdue.Select(o => new ReportOverdueFile(o.Id, o.FileName, AgbText.Of(o.ProviderAgb), o.Status, o.ReceivedOn, o.AnsweredOn, o.Days)).ToList(),
            rows.LateFiles.Select(l => new ReportLateFile(
                l.Id, l.FileName, AgbText.Of(l.ProviderAgb), l.PeriodEnd, l.Deadline, l.ReceivedOn, WorkingDaysBetween(l.Deadline, l.ReceivedOn))).ToList());
    }

    /// <summary>Working days after <paramref name="deadline"/> up to and including <paramref name="received"/>.</summary>
    internal static int WorkingDaysBetween(DateOnly deadline, DateOnly received)
    {
        var days = 0;
        for (var d = deadline.AddDays(1); d <= received; d = d.AddDays(1))
        {
            if (Werkdagen.IsWerkdag(d))
            {
                days++;
            }
        }

        return days;
    }

    private static List<RetourcodeRank> Ranks(IEnumerable<CodeCount> codes, long of) =>
        codes
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Code)
            .Select(c => new RetourcodeRank(RetourcodeText.Code(c.Code), RetourcodeText.Meaning(c.Code), c.Count, of == 0 ? 0 : (double)c.Count / of))
            .ToList();

    /// <summary>The file figures on <paramref name="into"/>: the total's, or a provider's (which brings its AGB and name).</summary>
    private static T Figures<T>(FileFigures f, T into)
        where T : ReportFigures
    {
        ReportFigures figures = into with
        {
            Files = f.Files,
            Processed = f.Processed,
            RejectedFiles = f.RejectedFiles,
            Quarantined = f.Quarantined,
            InWork = f.InWork,
            TestFiles = f.TestFiles,
            Answered = f.Answered,
            Lines = f.Lines,
            ApprovedLines = f.ApprovedLines,
            RejectedLines = f.RejectedLines,
            RejectedShare = f.Lines == 0 ? 0 : (double)f.RejectedLines / f.Lines,
            DeclaredCents = f.DeclaredCents,
            ApprovedCents = f.ApprovedCents,
            MedianDays = f.MedianDays,
            MaxDays = f.MaxDays,
            WithinAim = f.WithinAim,
            OverLimit = f.OverLimit,
            WaitingOverLimit = f.WaitingOverLimit,
            Late = f.Late,
            PeriodUnknown = f.PeriodUnknown,
        };
        return (T)figures;
    }
}
