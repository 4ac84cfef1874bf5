using System.Globalization;
using System.Text;
using System.Text.Json;
using WlzMessaging.Funding;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;

namespace WlzMessaging.Operations.Funding;

/// <summary>The forecast of <c>wlz forecast</c>: euros for people (table), cents for programs (JSON).</summary>
public static class ForecastOutput
{
    public static string Table(int year, IReadOnlyList<ProviderForecast> forecasts)
    {
        var text = new StringBuilder();
        var from = forecasts.Count > 0 ? forecasts[0].From : new DateOnly(year, 1, 1);
        text.AppendLine(CultureInfo.InvariantCulture, $"Forecast {year} from the run of {Day(from)}, at each provider's pace of the three months before");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"agb",-9} {"pace/month",16} {"paid so far",16} {"advances to come",18} {"year-end result",18} {"projected due",16} {"withheld",14}");
        foreach (var f in forecasts)
        {
            var result = f.YearEndResultCents < 0 ? $"{Money.Operator(f.YearEndResultCents)} (recovery)" : Money.Operator(f.YearEndResultCents);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{f.Agb,-9} {Money.Operator(f.PaceNonExemptCents + f.PaceExemptCents),16} {Money.Operator(f.PaidSoFarCents),16} {Money.Operator(f.AdvancesToComeCents),18} {result,18} {Money.Operator(f.Final?.DueCents ?? 0),16} {Money.Operator(f.Final?.WithheldCents ?? 0),14}");
        }

        return text.ToString();
    }

    public static string Json(int year, IReadOnlyList<ProviderForecast> forecasts)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("year", year);
            json.WriteString("from", Day(forecasts.Count > 0 ? forecasts[0].From : new DateOnly(year, 1, 1)));
            json.WriteStartArray("providers");
            foreach (var f in forecasts)
            {
                json.WriteStartObject();
                json.WriteString("agb", f.Agb);
                json.WriteNumber("paceCappedCents", f.PaceNonExemptCents);
                json.WriteNumber("paceExemptCents", f.PaceExemptCents);
                json.WriteNumber("paidSoFarCents", f.PaidSoFarCents);
                json.WriteNumber("advancesToComeCents", f.AdvancesToComeCents);
                json.WriteNumber("yearEndResultCents", f.YearEndResultCents);
                json.WriteNumber("projectedDueCents", f.Final?.DueCents ?? 0);
                json.WriteNumber("projectedWithheldCents", f.Final?.WithheldCents ?? 0);
                json.WriteStartArray("runs");
                foreach (var (date, amount) in f.Runs)
                {
                    json.WriteStartObject();
                    json.WriteString("date", Day(date));
                    json.WriteNumber("amountCents", amount);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
