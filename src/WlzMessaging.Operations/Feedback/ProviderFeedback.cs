using WlzMessaging.Reference;
using WlzMessaging.Storage.Operations;

namespace WlzMessaging.Operations.Feedback;

/// <summary>
/// The monthly feedback to one provider (its AGB code as eight digits): its annual agreement against the production of the care year counted up to the end
/// of the month, the room left under it, and its rejected lines by reason. Amounts are eurocents, net of credits.
/// </summary>
/// <param name="ProductionCents">Pc + Px as the advance run counts them (<c>FundingCalculator.Production</c>): approved lines,
/// accepted MNDP rows and tariff corrections.</param>
/// <param name="ProductionByMonth">The approved lines' amounts by care month (0414); they add up to the lines' part of
/// <paramref name="ProductionCents"/>, the rest is <paramref name="MndpCents"/> and <paramref name="TariffCorrectionCents"/>.</param>
public sealed record ProviderFeedback(
    string Agb,
    string? Name,
    DateOnly Month,
    int Year,
    long? AgreementCents,
    DateOnly? AgreementSince,
    long ProductionCents,
    long ApprovedLines,
    IReadOnlyList<long> ProductionByMonth,
    long RejectedLinesInMonth,
    long RejectedLinesInYear,
    IReadOnlyList<FeedbackRejection> Rejections)
{
    /// <summary>The accepted MNDP rows' part of <see cref="ProductionCents"/>.</summary>
    public long MndpCents { get; init; }

    /// <summary>The tariff corrections' part of <see cref="ProductionCents"/>.</summary>
    public long TariffCorrectionCents { get; init; }

    /// <summary>The last day counted: the end of the month.</summary>
    public DateOnly UpTo => Month.AddMonths(1).AddDays(-1);

    /// <summary>The agreement less the production; negative when production is over it; null without an agreement.</summary>
    public long? RoomCents => AgreementCents - ProductionCents;

    /// <summary>Production as a share of the agreement (1 = all of it); null without an agreement or with one of zero.</summary>
    public double? UsedShare => AgreementCents is > 0 and var a ? (double)ProductionCents / a : null;
}

/// <summary>A retourcode with its meaning and the rejected lines carrying it: in the month, and in the year up to it.</summary>
public sealed record FeedbackRejection(string Code, string Meaning, long InMonth, long InYear);

/// <summary>Turns what <see cref="FeedbackQueries"/> read into one <see cref="ProviderFeedback"/> per provider.</summary>
public static class FeedbackBuilder
{
    public static IReadOnlyList<ProviderFeedback> Build(DateOnly month, int year, FeedbackRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = new DateOnly(month.Year, month.Month, 1);
        var agreements = rows.Agreements.ToDictionary(a => a.ProviderAgb);
        var byCareMonth = rows.LinesByCareMonth.ToLookup(p => p.ProviderAgb);
        var counted = rows.Production
            .Where(p => p.TotalCents != 0 || p.LinesCents != 0)
            .ToDictionary(p => AgbCode.ToInt(p.Agb));
        var rejections = rows.Rejections.ToLookup(r => r.ProviderAgb);
        var rejectedLines = rows.RejectedLines.ToDictionary(r => r.ProviderAgb);
        var providers = agreements.Keys.Concat(byCareMonth.Select(p => p.Key)).Concat(counted.Keys).Concat(rejections.Select(r => r.Key)).Distinct().Order();

        return providers.Select(agb =>
        {
            var byMonth = new long[12];
            long lines = 0;
            foreach (var p in byCareMonth[agb])
            {
                byMonth[p.Month - 1] += p.ApprovedCents;
                lines += p.DebitLines + p.CreditLines;
            }

            agreements.TryGetValue(agb, out var agreement);
            counted.TryGetValue(agb, out var production);
            rejectedLines.TryGetValue(agb, out var rejected);
            return new ProviderFeedback(
                AgbCode.ToText(agb),
                rows.ProviderNames.GetValueOrDefault(agb),
                first,
                year,
                agreement?.JaarafspraakCents,
                agreement?.GeldigVanaf,
                production?.TotalCents ?? 0,
                lines,
                byMonth,
                rejected?.InMonth ?? 0,
                rejected?.InYear ?? 0,
                rejections[agb]
                    .OrderByDescending(r => r.InMonth)
                    .ThenByDescending(r => r.InYear)
                    .ThenBy(r => r.Code)
                    .Select(r => new FeedbackRejection(RetourcodeText.Code(r.Code), RetourcodeText.Meaning(r.Code), r.InMonth, r.InYear))
                    .ToList())
            {
                MndpCents = production?.MndpCents ?? 0,
                TariffCorrectionCents = production?.TariffCorrectionCents ?? 0,
            };
        }).ToList();
    }
}
