using System.Globalization;
using System.Text;

namespace WlzMessaging.Operations.Feedback;

/// <summary>
/// The figures of the provider's page as CSV (UTF-8, ';' between fields as the reference CSVs, a header line), one figure
/// per row so a spreadsheet can filter on <c>soort</c>:
/// <list type="bullet">
/// <item><c>afspraak</c>: the agreement in force (bedrag_cent), omschrijving "geldig vanaf YYYY-MM-DD"</item>
/// <item><c>productie</c>: per care month (maand 1-12) the approved production, aantal = approved lines (debit and credit)</item>
/// <item><c>productie_totaal</c>, <c>ruimte</c> (agreement less production; negative over it)</item>
/// <item><c>afgewezen_regels_maand</c> and <c>afgewezen_regels_jaar</c>: the rejected lines (aantal), each once</item>
/// <item><c>afwijzing_maand</c> and <c>afwijzing_jaar</c>: per retourcode the rejected lines carrying it (aantal)</item>
/// </list>
/// </summary>
public static class FeedbackCsv
{
    public const string Header = "agb;jaar;maand;soort;code;omschrijving;aantal;bedrag_cent";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(ProviderFeedback f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var csv = new StringBuilder();
        csv.Append(Header).Append('\n');
        var agb = f.Agb;
        var year = f.Year.ToString(Inv);
        if (f.AgreementCents is { } agreement)
        {
            Row(csv, agb, year, "", "afspraak", "", $"geldig vanaf {f.AgreementSince:yyyy-MM-dd}", "", agreement.ToString(Inv));
        }

        for (var m = 0; m < 12; m++)
        {
            if (f.ProductionByMonth[m] != 0)
            {
                Row(csv, agb, year, (m + 1).ToString(Inv), "productie", "", "", "", f.ProductionByMonth[m].ToString(Inv));
            }
        }

        if (f.MndpCents != 0)
        {
            Row(csv, agb, year, "", "productie_mndp", "", "", "", f.MndpCents.ToString(Inv));
        }

        if (f.TariffCorrectionCents != 0)
        {
            Row(csv, agb, year, "", "productie_tariefcorrectie", "", "", "", f.TariffCorrectionCents.ToString(Inv));
        }

        Row(csv, agb, year, "", "productie_totaal", "", $"ontvangen t/m {f.UpTo:yyyy-MM-dd}", f.ApprovedLines.ToString(Inv), f.ProductionCents.ToString(Inv));
        if (f.RoomCents is { } room)
        {
            Row(csv, agb, year, "", "ruimte", "", "", "", room.ToString(Inv));
        }

        var month = f.Month.Month.ToString(Inv);
        Row(csv, agb, f.Month.Year.ToString(Inv), month, "afgewezen_regels_maand", "", "", f.RejectedLinesInMonth.ToString(Inv), "");
        Row(csv, agb, f.Month.Year.ToString(Inv), "", "afgewezen_regels_jaar", "", "", f.RejectedLinesInYear.ToString(Inv), "");
        foreach (var r in f.Rejections.Where(r => r.InMonth > 0))
        {
            Row(csv, agb, f.Month.Year.ToString(Inv), month, "afwijzing_maand", r.Code, r.Meaning, r.InMonth.ToString(Inv), "");
        }

        foreach (var r in f.Rejections)
        {
            Row(csv, agb, f.Month.Year.ToString(Inv), "", "afwijzing_jaar", r.Code, r.Meaning, r.InYear.ToString(Inv), "");
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(';');
            }

            csv.Append(Field(fields[i]));
        }

        csv.Append('\n');
    }

    /// <summary>Quoted when it holds a separator, a quote or a line end.</summary>
    internal static string Field(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
