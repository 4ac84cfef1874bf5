using System.Globalization;
using System.Text;

namespace WlzMessaging.Operations.Report;

/// <summary><c>wlz report --format table</c>: sections of aligned columns, for a terminal or a mail.</summary>
public static class ReportTextWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(OperationsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Total;
        var aim = report.Targets.AimDays;
        var limit = report.Targets.LimitDays;
        var text = new StringBuilder();
        text.AppendLine(Inv, $"Files received {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd} (as of {report.Today:yyyy-MM-dd}; days in Europe/Amsterdam)");
        text.AppendLine();

        text.AppendLine("Files");
        text.AppendLine(Inv, $"  received {t.Files}: processed {t.Processed}, rejected as a whole {t.RejectedFiles}, quarantined {t.Quarantined}, in work {t.InWork}");
        text.AppendLine(Inv, $"  answered with an AW320 {t.Answered}; test files among them {t.TestFiles}");
        text.AppendLine();

        text.AppendLine(Inv, $"Receipt to AW320 (aim {aim} days, limit {limit} days)");
        text.AppendLine(t.Answered == 0
            ? "  no file answered"
            : string.Create(Inv, $"  median {Days(t.MedianDays)}, longest {t.MaxDays} days; within the aim {t.WithinAim} of {t.Answered} ({Percent(t.WithinAim, t.Answered)})"));
        text.AppendLine(Inv, $"  answered over the limit {t.OverLimit}; still waiting longer than the limit {t.WaitingOverLimit}");
        text.AppendLine();

        text.AppendLine("Lines");
        text.AppendLine(Inv, $"  {t.Lines} lines: approved {t.ApprovedLines} ({Percent(t.ApprovedLines, t.Lines)}), rejected {t.RejectedLines} ({Percent(t.RejectedLines, t.Lines)})");
        text.AppendLine(Inv, $"  declared {Money.Operator(t.DeclaredCents)}, approved in the AW320s {Money.Operator(t.ApprovedCents)}");
        text.AppendLine(Inv, $"  production {report.ProductionYear} for funding, counted through {report.To:yyyy-MM-dd} as the advance run counts it (lines, MNDP, tariff corrections): {Money.Operator(t.ProductionCents)}");
        text.AppendLine();

        text.AppendLine(Inv, $"Late declarations (received after the {report.Targets.DueWorkingDays}th working day after their month)");
        text.AppendLine(Inv, $"  late {t.Late}; period unknown {t.PeriodUnknown}");
        text.AppendLine();

        text.AppendLine("Retourcodes of rejected lines, most frequent first (a line counts under each of its codes)");
        Codes(text, report.Retourcodes, "lines");
        text.AppendLine();
        text.AppendLine("Files rejected as a whole (0001), by cause (a file counts under each cause it carries)");
        WholeFiles(text, report.WholeFileRejections);
        text.AppendLine();

        text.AppendLine("Per provider");
        if (report.Providers.Count == 0)
        {
            text.AppendLine("  none");
        }
        else
        {
            Table(
                text,
                ["agb", "name", "files", "answered", "whole-file rej", "lines", "approved", "rejected", "rej %", "median d", "max d", "over limit", "late", $"production {report.ProductionYear}", "top retourcode"],
                [false, false, true, true, true, true, true, true, true, true, true, true, true, true, false],
                report.Providers.Select(p => new[]
                {
                    p.Agb ?? "(none)",
                    Shorten(p.Name ?? "", 28),
                    N(p.Files),
                    N(p.Answered),
                    N(p.RejectedFiles),
                    N(p.Lines),
                    N(p.ApprovedLines),
                    N(p.RejectedLines),
                    (p.RejectedShare * 100).ToString("0.0", Inv),
                    p.MedianDays is { } m ? m.ToString("0.#", Inv) : "-",
                    p.MaxDays?.ToString(Inv) ?? "-",
                    N(p.OverLimit + p.WaitingOverLimit),
                    N(p.Late),
                    Money.Operator(p.ProductionCents),
                    p.Retourcodes.Count > 0 ? $"{p.Retourcodes[0].Code} x{p.Retourcodes[0].Count} {Shorten(p.Retourcodes[0].Meaning, 40)}" : "",
                }));
        }

        text.AppendLine();
        text.AppendLine(Inv, $"Files over the limit of {limit} days (answered late, or still waiting)");
        if (report.OverLimit.Count == 0)
        {
            text.AppendLine("  none");
        }
        else
        {
            Table(
                text,
                ["file", "name", "agb", "status", "received", "answered", "days"],
                [true, false, false, false, false, false, true],
                report.OverLimit.Select(o => new[]
                {
                    N(o.FileId), o.FileName, o.Agb ?? "", o.Status, Date(o.ReceivedOn), o.AnsweredOn is { } a ? Date(a) : "not yet", N(o.Days),
                }));
        }

        text.AppendLine();
        text.AppendLine("Late declarations");
        if (report.Late.Count == 0)
        {
            text.AppendLine("  none");
        }
        else
        {
            Table(
                text,
                ["file", "name", "agb", "period end", "due by", "received", "working days late"],
                [true, false, false, false, false, false, true],
                report.Late.Select(l => new[]
                {
                    N(l.FileId), l.FileName, l.Agb ?? "", Date(l.PeriodEnd), Date(l.Deadline), Date(l.ReceivedOn), N(l.WorkingDaysLate),
                }));
        }

        return text.ToString();
    }

    private static void Codes(StringBuilder text, IReadOnlyList<RetourcodeRank> codes, string unit)
    {
        if (codes.Count == 0)
        {
            text.AppendLine("  none");
            return;
        }

        Table(
            text,
            ["code", unit, "share", "meaning"],
            [false, true, true, false],
            codes.Select(c => new[] { c.Code, N(c.Count), (c.Share * 100).ToString("0.0", Inv) + "%", c.Meaning }));
    }

    private static void WholeFiles(StringBuilder text, IReadOnlyList<WholeFileRejection> causes)
    {
        if (causes.Count == 0)
        {
            text.AppendLine("  none");
            return;
        }

        Table(
            text,
            ["codes", "files", "share", "meaning of the cause"],
            [false, true, true, false],
            causes.Select(c => new[] { c.Codes, N(c.Files), (c.Share * 100).ToString("0.0", Inv) + "%", c.Meaning }));
    }

    private static void Table(StringBuilder text, string[] header, bool[] right, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            text.Append("  ");
            for (var i = 0; i < row.Length; i++)
            {
                var cell = right[i] ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i]);
                text.Append(i == row.Length - 1 ? cell.TrimEnd() : cell + "  ");
            }

            text.AppendLine();
        }
    }

    private static string N(long value) => value.ToString(Inv);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    private static string Days(double? days) => days is { } d ? d.ToString("0.#", Inv) + (d == 1 ? " day" : " days") : "-";

    private static string Percent(long part, long whole) => whole == 0 ? "-" : ((double)part / whole * 100).ToString("0.0", Inv) + "%";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
