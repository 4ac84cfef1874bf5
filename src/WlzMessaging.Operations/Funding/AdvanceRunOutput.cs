using System.Buffers;
using System.Text;
using System.Text.Json;
using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using AgbCode = WlzMessaging.Reference.AgbCode;
using static WlzMessaging.Operations.OutputFormats;

namespace WlzMessaging.Operations.Funding;

/// <summary>
/// A run as <c>wlz advance run</c> shows it. JSON, exactly the shape of the issue:
/// <c>{"date", "providers": [{"agb", "items": [{"year", "kind", "amountCents"}], "totalCents", "recoveryBalanceCents"}]}</c>,
/// where totalCents is what the CAK pays (never below zero) and recoveryBalanceCents what the provider still owes on
/// recoveries after the run. The table, for people, shows euros (items signed: + paid, - recovered) and Amsterdam times,
/// and adds the production figures behind each production item, for the review.
/// </summary>
public static class AdvanceRunOutput
{
    public static string Json(FundingRun run)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("date", Day(run.RunDate));
            json.WriteStartArray("providers");
            foreach (var provider in run.Providers)
            {
                json.WriteStartObject();
                json.WriteString("agb", provider.Agb);
                json.WriteStartArray("items");
                foreach (var item in provider.Items)
                {
                    json.WriteStartObject();
                    json.WriteNumber("year", item.Year);
                    json.WriteString("kind", ItemKindCodes.Code(item.Kind));
                    json.WriteNumber("amountCents", item.AmountCents);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("totalCents", provider.PaymentCents);
                json.WriteNumber("recoveryBalanceCents", provider.RecoveryCarriedForwardCents);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static string Table(StoredAdvanceRun stored, IReadOnlyList<AdvanceAdjustment>? adjustments = null)
    {
        var run = stored.Run;
        var text = new StringBuilder();
        text.Append($"Advance run {Day(run.RunDate)}: ")
            .Append(stored.IsApproved ? $"approved by {stored.ApprovedBy} on {Time(stored.ApprovedAt!.Value)}" : "draft")
            .Append($", computed {Time(stored.ComputedAt)}")
            .AppendLine(stored.HistoryThrough is { } through ? $", history through the run of {Day(through)}" : ", no approved run before it");
        if (run.Protocols.Count > 0)
        {
            text.AppendLine($"Protocols: {string.Join("; ", run.Protocols)}");
        }

        text.AppendLine();

        foreach (var provider in run.Providers)
        {
            text.AppendLine($"{provider.Agb}  paid {Money.Operator(provider.PaymentCents)}  recovery still open {Money.Operator(provider.RecoveryCarriedForwardCents)}");
            foreach (var item in provider.Items)
            {
                var kind = item.Adjusts is { } adjusted
                    ? $"{ItemKindCodes.Code(item.Kind)} of {ItemKindCodes.Code(adjusted)}"
                    : ItemKindCodes.Code(item.Kind);
                text.AppendLine($"  {item.Year}  {kind,-37} {Money.Signed(item.AmountCents),16}");
            }

            foreach (var figures in provider.Production.Where(f => !IsEmpty(f)))
            {
                text.AppendLine(
                    $"  {figures.Year}  production: J {Money.Operator(figures.JaarafspraakCents)}, e {figures.ElapsedMonths}, " +
                    $"cap {Money.Operator(figures.CapCents)}, Pc {Money.Operator(figures.NonExempt.TotalCents)}{Sources(figures.NonExempt)}, " +
                    $"Px {Money.Operator(figures.Exempt.TotalCents)}{Sources(figures.Exempt)}, due {Money.Operator(figures.DueCents)}, " +
                    $"paid before {Money.Operator(figures.PaidBeforeCents)}, withheld {Money.Operator(figures.WithheldCents)}");
            }
        }

        var applying = adjustments?.Where(a => a.SupersededAt is null).ToArray() ?? [];
        if (applying.Length > 0)
        {
            text.AppendLine();
            text.AppendLine("Adjustments");
            foreach (var a in applying)
            {
                text.AppendLine(
                    $"  {a.Agb}  {ItemKindCodes.Code(a.Kind)} {a.Year}: {Money.Signed(a.OldCents)} -> {Money.Signed(a.NewCents)} " +
                    $"(computed {Money.Signed(a.ComputedCents)}) by {a.AdjustedBy} on {Time(a.AdjustedAt)}: {a.Reason}");
            }
        }

        var paid = run.Providers.Count(p => p.PaymentCents > 0);
        text.AppendLine();
        text.AppendLine(
            $"Total paid: {Money.Operator(run.TotalPaymentCents)} to {paid} of {run.Providers.Count} providers; " +
            $"recoveries still open: {Money.Operator(run.Providers.Sum(p => p.RecoveryCarriedForwardCents))}");
        return text.ToString();
    }

    /// <summary>The warnings of a run, one line each: what the operator should know before approving it.</summary>
    public static IEnumerable<string> Warnings(StoredAdvanceRun stored, AdvanceRunComputation? computation = null)
    {
        if (computation is { ReplacedDraft: true })
        {
            yield return computation.SupersededAdjustments == 0
                ? $"replaced the earlier draft of {Day(stored.RunDate)}"
                : $"replaced the earlier draft of {Day(stored.RunDate)}: its {computation.SupersededAdjustments} adjustment(s) no longer apply";
        }

        if (computation is { EarlierDrafts: [_, ..] earlier })
        {
            yield return $"the run of {string.Join(", ", earlier.Select(Day))} is still a draft: this run counts only approved " +
                "runs, so compute it again after approving that one";
        }

        if (stored.Run.UnknownAgbs.Count > 0)
        {
            yield return $"not among the providers, so not paid: {string.Join(", ", stored.Run.UnknownAgbs)}";
        }

        foreach (var rejected in stored.RejectedMndp)
        {
            var row = rejected.Row;
            yield return $"MNDP {AgbCode.ToText(row.Agb)} {row.Jaar}-{row.Maand:D2} {row.Prestatiecode} (ingediend {Day(row.IngediendOp)}) " +
                $"not counted: {rejected.Explanation}";
        }
    }

    private static bool IsEmpty(ProductionFigures figures) =>
        figures is { JaarafspraakCents: 0, PaidBeforeCents: 0 }
        && figures.NonExempt.TotalCents == 0
        && figures.Exempt.TotalCents == 0;

    private static string Sources(ProductionBreakdown breakdown) =>
        breakdown.MndpCents == 0 && breakdown.TariffCorrectionCents == 0
            ? ""
            : $" (lines {Money.Operator(breakdown.LinesCents)}, MNDP {Money.Operator(breakdown.MndpCents)}, tariff corrections {Money.Signed(breakdown.TariffCorrectionCents)})";
}
