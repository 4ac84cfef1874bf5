using System.Globalization;
using System.Text;
using WlzMessaging.Funding;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// The payment order for the CAK as a CSV file, in the project's CSV conventions (specs/reference-data.md): UTF-8 without a
/// byte-order mark, <c>;</c>-separated, a header row, money in eurocents as whole numbers, LF line ends.
/// </summary>
/// <remarks>
/// <code>
/// agb;amount;period;description
/// 41000001;5204082;2024-01;Wlz-voorschot 2024-01: werkvoorschot 2024 10204082, invordering 2023 -5000000
/// totaal;5204082;2024-01;1 betaling
/// </code>
/// One row per provider the run pays (a payment of zero is no payment and is left out), by AGB code, then the total row.
/// The description names every item of the provider's run, so the provider can match the payment to its statement.
/// </remarks>
public static class PaymentOrderCsv
{
    public const string Header = "agb;amount;period;description";

    /// <summary>"betaalopdracht-2024-01-01.csv" for the run of 2024-01-01.</summary>
    public static string FileName(DateOnly runDate) =>
        $"betaalopdracht-{runDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    /// <summary>"2024-01": the month the run pays.</summary>
    public static string Period(DateOnly runDate) => runDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<PaymentOrderLine> Lines(FundingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var period = Period(run.RunDate);
        return run.Providers
            .Where(p => p.PaymentCents > 0)
            .OrderBy(p => p.Agb, StringComparer.Ordinal)
            .Select(p => new PaymentOrderLine(p.Agb, p.PaymentCents, period, Description(period, p.Items)))
            .ToArray();
    }

    public static byte[] Content(IReadOnlyList<PaymentOrderLine> lines, DateOnly runDate)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line.Agb).Append(';')
                .Append(line.AmountCents.ToString(CultureInfo.InvariantCulture)).Append(';')
                .Append(line.Period).Append(';')
                .Append(line.Description).Append('\n');
        }

        var total = lines.Sum(l => l.AmountCents);
        text.Append("totaal;")
            .Append(total.ToString(CultureInfo.InvariantCulture)).Append(';')
            .Append(Period(runDate)).Append(';')
            .Append(lines.Count.ToString(CultureInfo.InvariantCulture))
            .Append(lines.Count == 1 ? " betaling" : " betalingen")
            .Append('\n');
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>"Wlz-voorschot 2024-01: productie 2024 9500000, correctie productie 2024 -100000, invordering 2023 -400000".</summary>
    private static string Description(string period, IReadOnlyList<FundingItem> items)
    {
        var parts = items.Select(i =>
        {
            var kind = i.Adjusts is { } adjusted
                ? $"{ItemKindCodes.Code(i.Kind)} {ItemKindCodes.Code(adjusted)}"
                : ItemKindCodes.Code(i.Kind);
            return $"{kind} {i.Year.ToString(CultureInfo.InvariantCulture)} {i.AmountCents.ToString(CultureInfo.InvariantCulture)}";
        });
        return $"Wlz-voorschot {period}: {string.Join(", ", parts)}";
    }
}
