using WlzMessaging.Funding;
using static WlzMessaging.Storage.Funding.AdvanceRunRules;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// Which item of a provider's draft an <see cref="AdjustmentRequest"/> sets: the kind and year it names, or, when it leaves
/// them out, the provider's only adjustable item. An invordering and a correctie follow from other items and are never set.
/// </summary>
internal static class AdjustedItem
{
    public static (ItemKind Kind, int Year) Of(AdjustmentRequest request, ProviderRun run)
    {
        if (request.Kind is ItemKind.Invordering or ItemKind.Correctie)
        {
            throw new FundingRefusedException(request.Kind == ItemKind.Invordering
                ? "an invordering follows from the total and cannot be set by hand: adjust the item it is offset against"
                : "a correctie is made by setting the item it corrects: name that item's kind");
        }

        var runYear = run.RunDate.Year;
        if (request.Year is { } y && y != runYear && y != runYear - 1)
        {
            throw new FundingRefusedException($"the run of {Day(run.RunDate)} has items of {runYear - 1} and {runYear} only, not of {y}");
        }

        if (request is { Kind: { } kind, Year: { } year })
        {
            return (kind, year);
        }

        var candidates = run.Items
            .Where(i => i.Kind is not (ItemKind.Invordering or ItemKind.Correctie))
            .Select(i => (i.Kind, i.Year))
            .Concat(run.Items.Where(i => i.Adjusts.HasValue).Select(i => (Kind: i.Adjusts!.Value, i.Year)))
            .Distinct()
            .Where(c => (request.Kind is null || c.Kind == request.Kind) && (request.Year is null || c.Year == request.Year))
            .OrderBy(c => c.Year).ThenBy(c => c.Kind)
            .ToArray();
        return candidates switch
        {
            [var only] => only,
            [] => throw new FundingRefusedException(
                $"provider {run.Agb} has no item{Describe(request.Kind, request.Year)} in the run of {Day(run.RunDate)}: " +
                "name the kind and year of the item to set"),
            _ => throw new FundingRefusedException(
                $"provider {run.Agb} has several items in the run of {Day(run.RunDate)} " +
                $"({string.Join(", ", candidates.Select(c => $"{ItemKindCodes.Code(c.Kind)} {c.Year}"))}): name the kind and year of the one to set"),
        };
    }

    private static string Describe(ItemKind? kind, int? year) =>
        (kind, year) switch
        {
            (null, null) => " to adjust",
            ({ } k, null) => $" {ItemKindCodes.Code(k)}",
            (null, { } y) => $" of {y}",
            ({ } k, { } y) => $" {ItemKindCodes.Code(k)} {y}",
        };
}
