using System.Buffers;
using System.Text;
using System.Text.Json;
using WlzMessaging.Funding;
using static WlzMessaging.Operations.OutputFormats;

namespace WlzMessaging.Operations.Funding;

/// <summary>
/// The year statement of a provider as <c>wlz statement</c> shows it: the figures (J, Pc, the cap, what the cap lets through
/// and holds back, Px, Due), the werkvoorschot paid and settled, the totals, the final difference, and every approved run's
/// items of the year. The table shows euros (+ paid to the provider, - recovered); the JSON cents in fields named ...Cents.
/// </summary>
public static class StatementOutput
{
    public static string Json(YearStatement statement, IReadOnlyList<ProviderRun> runs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("agb", statement.Agb);
            json.WriteNumber("year", statement.Year);
            json.WriteBoolean("final", statement.IsFinal);
            if (statement.FiguresOfRun is { } figuresOfRun)
            {
                json.WriteString("figuresOfRun", Day(figuresOfRun));
            }
            else
            {
                json.WriteNull("figuresOfRun");
            }

            json.WriteStartArray("protocols");
            foreach (var protocol in statement.Protocols)
            {
                json.WriteStringValue(protocol);
            }

            json.WriteEndArray();
            json.WriteNumber("jaarafspraakCents", statement.JaarafspraakCents);
            json.WriteNumber("capCents", statement.CapCents);
            json.WriteNumber("nonExemptProductionCents", statement.NonExemptProductionCents);
            json.WriteNumber("cappedProductionCents", Capped(statement));
            json.WriteNumber("withheldCents", Withheld(statement));
            json.WriteNumber("exemptProductionCents", statement.ExemptProductionCents);
            json.WriteNumber("dueCents", statement.DueCents);
            json.WriteNumber("werkvoorschotPaidCents", statement.WerkvoorschotPaidCents);
            json.WriteNumber("werkvoorschotSettledCents", statement.WerkvoorschotSettledCents);
            json.WriteNumber("productionItemsCents", statement.ProductionItemsCents);
            json.WriteNumber("productionCorrectionsCents", statement.ProductionCorrectionsCents);
            if (statement.FinalDifferenceCents is { } difference)
            {
                json.WriteNumber("finalDifferenceCents", difference);
            }
            else
            {
                json.WriteNull("finalDifferenceCents");
            }

            json.WriteNumber("outstandingCents", statement.OutstandingCents);
            json.WriteNumber("openRecoveryCents", statement.OpenRecoveryCents);
            json.WriteStartArray("runs");
            foreach (var (run, items) in RunsWithItems(statement.Year, runs))
            {
                json.WriteStartObject();
                json.WriteString("date", Day(run.RunDate));
                json.WriteStartArray("items");
                foreach (var item in items)
                {
                    json.WriteStartObject();
                    json.WriteNumber("year", item.Year);
                    json.WriteString("kind", ItemKindCodes.Code(item.Kind));
                    if (item.Adjusts is { } adjusted)
                    {
                        json.WriteString("adjusts", ItemKindCodes.Code(adjusted));
                    }

                    json.WriteNumber("amountCents", item.AmountCents);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("totalCents", items.Sum(i => i.AmountCents));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static string Table(YearStatement statement, IReadOnlyList<ProviderRun> runs)
    {
        var text = new StringBuilder();
        var state = statement.FiguresOfRun is { } of
            ? statement.IsFinal ? $"final, figures of the run of {Day(of)}" : $"provisional, figures of the run of {Day(of)}"
            : "provisional, no production run yet";
        text.AppendLine($"Statement {statement.Year} of {statement.Agb} ({state})");
        text.AppendLine($"Protocol: {(statement.Protocols.Count == 0 ? "not recorded (runs before protocols were recorded)" : string.Join(", ", statement.Protocols))}");
        text.AppendLine();
        Row(text, "Jaarafspraak (J)", statement.JaarafspraakCents);
        Row(text, "Cap", statement.CapCents);
        Row(text, "Production capped (Pc)", statement.NonExemptProductionCents);
        Row(text, "  under the cap", Capped(statement));
        Row(text, "  withheld above the cap", Withheld(statement));
        Row(text, "Production exempt (Px)", statement.ExemptProductionCents);
        Row(text, "Due", statement.DueCents);
        Row(text, "Werkvoorschot paid", statement.WerkvoorschotPaidCents);
        SignedRow(text, "Werkvoorschot settled", statement.WerkvoorschotSettledCents);
        SignedRow(text, "Production items", statement.ProductionItemsCents);
        SignedRow(text, "Corrections of production", statement.ProductionCorrectionsCents);
        if (statement.FinalDifferenceCents is { } difference)
        {
            SignedRow(text, $"Final difference ({Day(statement.FinalRun)})", difference);
        }
        else
        {
            text.AppendLine($"{"Final difference",-34}{"after the run of " + Day(statement.FinalRun),18}");
        }

        SignedRow(text, "Outstanding (due - paid)", statement.OutstandingCents);
        Row(text, "Recovery still open", statement.OpenRecoveryCents);
        text.AppendLine();
        text.AppendLine("Runs");
        foreach (var (run, items) in RunsWithItems(statement.Year, runs))
        {
            foreach (var item in items)
            {
                var kind = item.Adjusts is { } adjusted
                    ? $"{ItemKindCodes.Code(item.Kind)} of {ItemKindCodes.Code(adjusted)}"
                    : ItemKindCodes.Code(item.Kind);
                text.AppendLine($"  {Day(run.RunDate)}  {kind,-37} {Money.Signed(item.AmountCents),16}");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<(ProviderRun Run, FundingItem[] Items)> RunsWithItems(int year, IReadOnlyList<ProviderRun> runs) =>
        runs.OrderBy(r => r.RunDate)
            .Select(r => (Run: r, Items: r.Items.Where(i => i.Year == year).ToArray()))
            .Where(r => r.Items.Length > 0);

    private static long Capped(YearStatement statement) => Math.Min(statement.NonExemptProductionCents, statement.CapCents);

    private static long Withheld(YearStatement statement) => Math.Max(0, statement.NonExemptProductionCents - statement.CapCents);

    private static void Row(StringBuilder text, string label, long cents) => text.AppendLine($"{label,-34}{Money.Operator(cents),18}");

    /// <summary>An amount that goes one way or the other: + to the provider, - from it.</summary>
    private static void SignedRow(StringBuilder text, string label, long cents) => text.AppendLine($"{label,-34}{Money.Signed(cents),18}");
}
