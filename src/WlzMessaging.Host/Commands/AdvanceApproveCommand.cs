using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Operations.Funding;
using static WlzMessaging.Operations.OutputFormats;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz advance approve</c>: approves a draft run and writes the payment order for the CAK.</summary>
public sealed class AdvanceApproveCommand : Command
{
    public override string Name => "advance approve";

    public override string Summary => "Approve a draft run and write its payment order for the CAK";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("date", "YYYY-MM-DD", "the date of the draft run", required: true),
            OptionSpec.Value("by", "NAME", "who approves", required: true),
            OptionSpec.Value("out", "DIR", "the directory for the payment order (created when missing)", required: true),
            .. StorageOptions.Options,
        ],
        Details = """
            Writes DIR/betaalopdracht-YYYY-MM-DD.csv (UTF-8, ';'-separated, money in eurocents):
                agb;amount;period;description
                41000001;5204082;2024-01;Wlz-voorschot 2024-01: werkvoorschot 2024 10204082, invordering 2023 -5000000
                totaal;5204082;2024-01;1 betaling
            one row per provider paid (a payment of zero is left out), then the total row. A copy is kept in the database.

            An approved run never changes, and its items are the history of every later run. Refused: a run already
            approved, a run while an earlier one is still a draft, a draft computed before an earlier run was approved
            (compute it again), and a payment order file that exists already.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var date = args.Date("date")!.Value;
        var by = args.Value("by")!;
        var directory = args.Value("out")!;
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException("--out: give a directory");
        }

        await using var database = await FundingDatabase.OpenAsync(args, cancellationToken);
        var approval = await FundingDatabase.RefusalsFailAsync(() => database.Store.ApproveAsync(date, by, directory, cancellationToken));

        var order = approval.PaymentOrder;
        await console.Out.WriteLineAsync(
            $"approved the run of {Day(date)} by {approval.Run.ApprovedBy} on {Time(approval.Run.ApprovedAt!.Value)}");
        await console.Out.WriteLineAsync(
            $"payment order {order.Path}: {order.Lines.Count} payment(s), total {Operations.Money.Operator(order.TotalCents)}");
        return ExitCodes.Ok;
    }
}
