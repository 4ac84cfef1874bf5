using System.Globalization;
using System.Text;

namespace WlzMessaging.Operations.Report;

/// <summary>
/// <c>wlz report --format csv</c>: the report's figures per provider, one line each, and a last line with the total, for a
/// spreadsheet. UTF-8, ';' between fields as the reference CSVs, a header line; amounts in cents (<c>..._cents</c>: a machine
/// format), AGB codes as eight digits, days as numbers. A field that holds ';', a quote or a line end is quoted (RFC 4180).
/// The lists of the report (retourcodes, overdue and late files) are in its table and JSON, not here.
/// </summary>
public static class ReportCsvWriter
{
    public const string Header =
        "agb;name;files;processed;rejected_files;quarantined;in_work;test_files;answered;lines;approved_lines;rejected_lines;" +
        "declared_cents;approved_cents;production_cents;median_days;max_days;within_aim;over_limit;waiting_over_limit;late;period_unknown";

    public static string Write(OperationsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var provider in report.Providers)
        {
            Row(csv, provider.Agb ?? "", provider.Name ?? "", provider);
        }

        Row(csv, "", "total", report.Total);
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string agb, string name, ReportFigures f)
    {
        csv.Append(Field(agb)).Append(';').Append(Field(name));
        foreach (var figure in new long[]
                 {
                     f.Files, f.Processed, f.RejectedFiles, f.Quarantined, f.InWork, f.TestFiles, f.Answered, f.Lines, f.ApprovedLines,
                     f.RejectedLines, f.DeclaredCents, f.ApprovedCents, f.ProductionCents,
                 })
        {
            csv.Append(';').Append(figure.ToString(CultureInfo.InvariantCulture));
        }

        csv.Append(';').Append(f.MedianDays?.ToString("0.#", CultureInfo.InvariantCulture) ?? "")
            .Append(';').Append(f.MaxDays?.ToString(CultureInfo.InvariantCulture) ?? "");
        foreach (var figure in new[] { f.WithinAim, f.OverLimit, f.WaitingOverLimit, f.Late, f.PeriodUnknown })
        {
            csv.Append(';').Append(figure.ToString(CultureInfo.InvariantCulture));
        }

        csv.Append('\n');
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
