using WlzMessaging.Funding;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Funding;
using WlzMessaging.Reference;
using WlzMessaging.Storage.Funding;
using static WlzMessaging.Operations.OutputFormats;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz advance adjust</c>: an operator sets an item of a provider's draft to another amount, with a reason.</summary>
public sealed class AdvanceAdjustCommand : Command
{
    public override string Name => "advance adjust";

    public override string Summary => "Set an item of a provider's draft run to another amount, recorded with who, when and why";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("date", "YYYY-MM-DD", "the date of the draft run", required: true),
            OptionSpec.Value("agb", "AGB", "the provider", required: true),
            OptionSpec.Value("amount", "CENTS", "the item's new amount in cents (0 holds it back)", required: true),
            OptionSpec.Value("reason", "TEXT", "why: kept with the adjustment", required: true),
            OptionSpec.Value("by", "NAME", "who makes the adjustment", required: true),
            OptionSpec.Value("kind", "KIND", "the item: werkvoorschot, productie or verrekening-werkvoorschot"),
            OptionSpec.Value("year", "YYYY", "the year of the item"),
            .. StorageOptions.Options,
        ],
        Details = """
            The item is the provider's only werkvoorschot, productie or verrekening-werkvoorschot item of the run; when the
            run has several, name one with --kind and --year (naming both also sets an item the run does not have, from 0).
            The difference to the computed amount becomes a correctie item; adjusting the item again replaces it. Open
            recoveries are offset again against the new total (an invordering item follows from the total and cannot be
            set). Recorded: who, when, the computed, old and new amount, and the reason.

            An adjustment is a one-off: the next run computes from what was actually paid, so an amount held back comes back
            in the next run unless it is held back again. Computing the draft again drops its adjustments.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var request = new AdjustmentRequest
        {
            RunDate = args.Date("date")!.Value,
            Agb = args.Value("agb")!,
            NewAmountCents = args.Int64("amount")!.Value,
            Reason = args.Value("reason")!,
            AdjustedBy = args.Value("by")!,
            Kind = args.Value("kind") is { } code ? Kind(code) : null,
            Year = args.Int32("year", 2000, 2100),
        };
        if (!AgbCode.IsValid(request.Agb))
        {
            throw new UsageException($"--agb: '{request.Agb}' is not an AGB code of 8 digits");
        }

        await using var database = await FundingDatabase.OpenAsync(args, cancellationToken);
        var result = await FundingDatabase.RefusalsFailAsync(() => database.Store.AdjustAsync(request, cancellationToken));

        var adjustment = result.Adjustment;
        await console.Out.WriteLineAsync(
            $"{adjustment.Agb} {ItemKindCodes.Code(adjustment.Kind)} {adjustment.Year} in the run of {Day(adjustment.RunDate)}: " +
            $"{Money.Signed(adjustment.OldCents)} -> {Money.Signed(adjustment.NewCents)} (computed {Money.Signed(adjustment.ComputedCents)}); " +
            $"paid {Money.Operator(result.Before.PaymentCents)} -> {Money.Operator(result.After.PaymentCents)}, " +
            $"recovery still open {Money.Operator(result.After.RecoveryCarriedForwardCents)}");
        await console.Out.WriteLineAsync(
            $"recorded as adjustment {adjustment.Id} by {adjustment.AdjustedBy} on {Time(adjustment.AdjustedAt)}: {adjustment.Reason}");
        return ExitCodes.Ok;
    }

    private static ItemKind Kind(string code) =>
        ItemKindCodes.TryParse(code, out var kind) && kind is ItemKind.Werkvoorschot or ItemKind.Productie or ItemKind.VerrekeningWerkvoorschot
            ? kind
            : throw new UsageException($"--kind: '{code}' is not werkvoorschot, productie or verrekening-werkvoorschot");
}
