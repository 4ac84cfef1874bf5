using System.Globalization;
using System.Net;
using System.Text;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Operations.Feedback;

/// <summary>
/// The provider's page, in Dutch: one self-contained HTML file (inline CSS and SVG; no script, font, image or link to
/// anything outside it) that can be mailed as is. Figures only: no BSN, no client's name, no birth date.
/// </summary>
public static class FeedbackHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] ShortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    private const string Style = """
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733; background: #f4f6f9; }
        .page { max-width: 760px; margin: 0 auto; padding: 1.2rem 1.4rem 2rem; background: #fff; }
        h1 { font-size: 1.3rem; margin: 0 0 .2rem; } h2 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; }
        .sub { color: #5f6b7a; margin: 0; }
        .figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0 .4rem; }
        .figure { flex: 1 1 150px; border: 1px solid #d8dee6; border-radius: 6px; padding: .5rem .7rem; }
        .figure .label { color: #5f6b7a; font-size: .85rem; } .figure .value { font-size: 1.25rem; font-weight: 650; white-space: nowrap; }
        .over { color: #c62828; } .ok { color: #2e7d32; }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #1d2733; }
        svg .muted { fill: #8a96a5; }
        table { width: 100%; border-collapse: collapse; }
        th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #d8dee6; vertical-align: middle; }
        th { color: #5f6b7a; font-size: .85rem; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .bar { background: #e8edf3; height: .6rem; border-radius: .3rem; width: 120px; } .bar > div { background: #c05a2b; height: 100%; border-radius: .3rem; }
        .note { color: #5f6b7a; font-size: .85rem; margin-top: 1.6rem; }
        """;

    public static string Write(ProviderFeedback f, string csvFileName, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(f);
        var title = $"Terugkoppeling {MonthYear(f.Month)}";
        var who = f.Name is { } name ? $"{name} (AGB {f.Agb})" : $"AGB {f.Agb}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E($"{title} – {who}")).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        html.Append("<p class=\"sub\">").Append(E(who)).Append(" · productie ").Append(f.Year.ToString(Inv))
            .Append(" verwerkt tot en met ").Append(E(LongDate(f.UpTo))).Append("</p>\n");

        html.Append("<div class=\"figures\">\n");
        Figure(html, "Jaarafspraak " + f.Year.ToString(Inv), f.AgreementCents is { } a ? Money.Dutch(a) : "geen afspraak",
            f.AgreementSince is { } since ? "geldig vanaf " + LongDate(since) : null, null);
        // The production as the advance run counts it: besides the approved lines, accepted MNDP and tariff corrections.
        var parts = new List<string>();
        if (f.UsedShare is { } used)
        {
            parts.Add(Percent(used) + " van de afspraak");
        }

        if (f.MndpCents != 0)
        {
            parts.Add("waarvan MNDP " + Money.Dutch(f.MndpCents));
        }

        if (f.TariffCorrectionCents != 0)
        {
            parts.Add("waarvan tariefcorrectie " + Money.Dutch(f.TariffCorrectionCents));
        }

        Figure(html, "Goedgekeurde productie", Money.Dutch(f.ProductionCents), parts.Count > 0 ? string.Join(" · ", parts) : null, null);
        if (f.RoomCents is { } room)
        {
            Figure(html, room >= 0 ? "Ruimte onder de afspraak" : "Boven de afspraak", Money.Dutch(Math.Abs(room)), null, room >= 0 ? "ok" : "over");
        }

        Figure(html, "Afgewezen regels in " + Months[f.Month.Month - 1], f.RejectedLinesInMonth.ToString(Inv),
            string.Create(Inv, $"{f.RejectedLinesInYear} in {f.Month.Year} tot en met {Months[f.Month.Month - 1]}"), null);
        html.Append("</div>\n");

        html.Append("<h2>Afspraak en productie</h2>\n");
        AgreementBar(html, f);

        html.Append("<h2>Goedgekeurde productie per zorgmaand</h2>\n");
        MonthBars(html, f);

        html.Append("<h2>Afgewezen regels naar reden</h2>\n");
        Rejections(html, f);

        html.Append("<p class=\"note\">Productie: de goedgekeurde declaratieregels van zorgjaar ").Append(f.Year.ToString(Inv))
            .Append(" (naar begindatum prestatie) uit productiebestanden ontvangen tot en met ").Append(E(LongDate(f.UpTo)))
            .Append(", creditregels verrekend. Afwijzingen: regels uit productiebestanden ontvangen in ").Append(E(MonthYear(f.Month)))
            .Append(" en in ").Append(f.Month.Year.ToString(Inv)).Append(" tot en met die maand; een regel met meer retourcodes telt bij elke code. ")
            .Append("De cijfers staan ook in <a href=\"").Append(E(csvFileName)).Append("\">").Append(E(csvFileName)).Append("</a>. Aangemaakt op ")
            .Append(E(MadeAt(madeAt))).Append(".</p>\n");
        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The index of a month's pages: one row per provider with its headline figures and links.</summary>
    public static string WriteIndex(DateOnly month, IReadOnlyList<(ProviderFeedback Feedback, string Html, string Csv)> pages, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var title = $"Terugkoppeling {MonthYear(month)}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append(".page { max-width: 1000px; }</style>\n</head>\n<body>\n<div class=\"page\">\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"sub\">").Append(pages.Count.ToString(Inv)).Append(" zorgaanbieders · aangemaakt op ")
            .Append(E(MadeAt(madeAt))).Append("</p>\n");
        if (pages.Count == 0)
        {
            html.Append("<p>Geen afspraken of productie in deze periode.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th>AGB</th><th>zorgaanbieder</th><th class=\"num\">jaarafspraak</th><th class=\"num\">productie</th><th class=\"num\">gebruikt</th><th class=\"num\">ruimte</th><th class=\"num\">afgewezen in maand</th><th>cijfers</th></tr></thead>\n<tbody>\n");
            foreach (var (f, page, csv) in pages)
            {
                html.Append("<tr><td><a href=\"").Append(E(page)).Append("\">").Append(f.Agb).Append("</a></td><td>").Append(E(f.Name ?? ""))
                    .Append("</td><td class=\"num\">").Append(f.AgreementCents is { } a ? Money.Dutch(a) : "–")
                    .Append("</td><td class=\"num\">").Append(Money.Dutch(f.ProductionCents))
                    .Append("</td><td class=\"num\">").Append(f.UsedShare is { } u ? Percent(u) : "–")
                    .Append("</td><td class=\"num").Append(f.RoomCents < 0 ? " over" : "").Append("\">").Append(f.RoomCents is { } r ? Money.Dutch(r) : "–")
                    .Append("</td><td class=\"num\">").Append(f.RejectedLinesInMonth.ToString(Inv))
                    .Append("</td><td><a href=\"").Append(E(csv)).Append("\">csv</a></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    internal static string MonthYear(DateOnly month) => $"{Months[month.Month - 1]} {month.Year.ToString(Inv)}";

    /// <summary>When the feedback was made, in Amsterdam with the zone: "4 december 2026 om 14:03 CET".</summary>
    internal static string MadeAt(DateTimeOffset instant) => $"{LongDate(Amsterdam.DateOf(instant))} om {Amsterdam.TimeOfDay(instant)}";

    internal static string LongDate(DateOnly date) => $"{date.Day.ToString(Inv)} {Months[date.Month - 1]} {date.Year.ToString(Inv)}";

    private static void Figure(StringBuilder html, string label, string value, string? note, string? cls)
    {
        html.Append("<div class=\"figure\"><div class=\"label\">").Append(E(label)).Append("</div><div class=\"value")
            .Append(cls is null ? "" : " " + cls).Append("\">").Append(E(value)).Append("</div>");
        if (note is not null)
        {
            html.Append("<div class=\"label\">").Append(E(note)).Append("</div>");
        }

        html.Append("</div>\n");
    }

    /// <summary>One horizontal bar: the production against a marker at the agreement; the part over it in red.</summary>
    private static void AgreementBar(StringBuilder html, ProviderFeedback f)
    {
        const double width = 700, left = 10, barWidth = width - 2 * left, top = 26, height = 28;
        var production = Math.Max(0, f.ProductionCents);
        var agreement = f.AgreementCents ?? 0;
        double scale = Math.Max(Math.Max(agreement, production), 1);
        double X(long cents) => left + cents / scale * barWidth;

        html.Append(Inv, $"<svg width=\"100%\" viewBox=\"0 0 {width} 96\" role=\"img\" aria-label=\"{E(AgreementAria(f))}\">\n");
        html.Append(Inv, $"<rect x=\"{left}\" y=\"{top}\" width=\"{barWidth}\" height=\"{height}\" rx=\"4\" fill=\"#e8edf3\"/>\n");
        var within = Math.Min(production, f.AgreementCents is null ? production : agreement);
        html.Append(Inv, $"<rect x=\"{left}\" y=\"{top}\" width=\"{X(within) - left:0.#}\" height=\"{height}\" rx=\"4\" fill=\"#3b6ea5\"><title>productie {E(Money.Dutch(f.ProductionCents))}</title></rect>\n");
        if (f.AgreementCents is not null && production > agreement)
        {
            html.Append(Inv, $"<rect x=\"{X(agreement):0.#}\" y=\"{top}\" width=\"{X(production) - X(agreement):0.#}\" height=\"{height}\" fill=\"#c62828\"><title>boven de afspraak {E(Money.Dutch(production - agreement))}</title></rect>\n");
        }

        html.Append(Inv, $"<text x=\"{left}\" y=\"16\">productie {E(Money.Dutch(f.ProductionCents))}</text>\n");
        if (f.AgreementCents is { } a)
        {
            var x = X(a);
            html.Append(Inv, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{top - 6}\" y2=\"{top + height + 6}\" stroke=\"#1d2733\" stroke-width=\"2\"/>\n");
            var anchor = x > width * 0.6 ? "end" : "start";
            html.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{top + height + 22}\" text-anchor=\"{anchor}\">afspraak {E(Money.Dutch(a))}</text>\n");
        }
        else
        {
            html.Append(Inv, $"<text x=\"{left}\" y=\"{top + height + 22}\" class=\"muted\">geen afspraak voor {f.Year}</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static string AgreementAria(ProviderFeedback f) =>
        f.AgreementCents is { } a
            ? $"productie {Money.Dutch(f.ProductionCents)} tegen een afspraak van {Money.Dutch(a)}"
            : $"productie {Money.Dutch(f.ProductionCents)}, geen afspraak";

    /// <summary>Twelve columns, January to December, each the month's approved production.</summary>
    private static void MonthBars(StringBuilder html, ProviderFeedback f)
    {
        const double width = 700, chartTop = 20, chartHeight = 150, slot = width / 12, bar = 34;
        double max = Math.Max(f.ProductionByMonth.Max(), 1);
        html.Append(Inv, $"<svg width=\"100%\" viewBox=\"0 0 {width} {chartTop + chartHeight + 24}\" role=\"img\" aria-label=\"goedgekeurde productie per maand\">\n");
        html.Append(Inv, $"<line x1=\"0\" x2=\"{width}\" y1=\"{chartTop + chartHeight}\" y2=\"{chartTop + chartHeight}\" stroke=\"#d8dee6\"/>\n");
        for (var m = 0; m < 12; m++)
        {
            var value = f.ProductionByMonth[m];
            var h = Math.Max(0, value) / max * chartHeight;
            var x = m * slot + (slot - bar) / 2;
            var future = f.Year == f.Month.Year && m + 1 > f.Month.Month;
            if (h > 0)
            {
                html.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{chartTop + chartHeight - h:0.#}\" width=\"{bar}\" height=\"{h:0.#}\" rx=\"2\" fill=\"#3b6ea5\"><title>{Months[m]}: {E(Money.Dutch(value))}</title></rect>\n");
            }

            if (value != 0)
            {
                html.Append(Inv, $"<text x=\"{m * slot + slot / 2:0.#}\" y=\"{chartTop + chartHeight - h - 4:0.#}\" text-anchor=\"middle\">{E(Money.DutchCompact(value))}</text>\n");
            }

            html.Append(Inv, $"<text x=\"{m * slot + slot / 2:0.#}\" y=\"{chartTop + chartHeight + 16}\" text-anchor=\"middle\"{(future ? " class=\"muted\"" : "")}>{ShortMonths[m]}</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static void Rejections(StringBuilder html, ProviderFeedback f)
    {
        if (f.Rejections.Count == 0)
        {
            html.Append("<p>Geen afgewezen regels in ").Append(f.Month.Year.ToString(Inv)).Append(" tot en met ").Append(E(Months[f.Month.Month - 1])).Append(".</p>\n");
            return;
        }

        var max = Math.Max(f.Rejections.Max(r => r.InMonth), 1);
        html.Append("<table>\n<thead><tr><th>code</th><th>reden</th><th class=\"num\">in ").Append(E(Months[f.Month.Month - 1]))
            .Append("</th><th></th><th class=\"num\">in ").Append(f.Month.Year.ToString(Inv)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var r in f.Rejections)
        {
            html.Append("<tr><td>").Append(E(r.Code)).Append("</td><td>").Append(E(r.Meaning)).Append("</td><td class=\"num\">")
                .Append(r.InMonth.ToString(Inv)).Append("</td><td><div class=\"bar\"><div style=\"width:")
                .Append(((double)r.InMonth / max * 100).ToString("0.#", Inv)).Append("%\"></div></div></td><td class=\"num\">")
                .Append(r.InYear.ToString(Inv)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Percent(double share) => (share * 100).ToString("0", Inv) + "%";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
