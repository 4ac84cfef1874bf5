using System.Globalization;
using WlzMessaging.Funding;
using AgbCode = WlzMessaging.Reference.AgbCode;

namespace WlzMessaging.Storage.Funding;

/// <summary>
/// The checks the advance run's workflow makes before it changes anything, each refusal in the operator's words
/// (<see cref="FundingRefusedException"/>); specs/funding.md, "Storage: runs, review and payment orders". Pure: they decide
/// on the headers read in the transaction.
/// </summary>
internal static class AdvanceRunRules
{
    public static void RequireRunDate(DateOnly runDate)
    {
        if (!FundingCalendar.IsRunDate(runDate))
        {
            throw new FundingRefusedException($"a run falls on the first of a month, not on {Day(runDate)}");
        }
    }

    public static void RequireText(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FundingRefusedException(message);
        }
    }

    public static void RequireAgb(string? agb)
    {
        if (!AgbCode.IsValid(agb))
        {
            throw new FundingRefusedException($"'{agb}' is not an AGB code of 8 digits");
        }
    }

    /// <summary>The draft of <paramref name="runDate"/>; refused when there is no run of the date or it is approved.</summary>
    public static AdvanceRunHeader RequireDraft(IEnumerable<AdvanceRunHeader> headers, DateOnly runDate)
    {
        var header = headers.FirstOrDefault(h => h.RunDate == runDate)
            ?? throw new FundingRefusedException($"there is no run of {Day(runDate)}: compute it first");
        return header.Status == AdvanceRunStatus.Approved ? throw Unchangeable(header) : header;
    }

    /// <summary>The refusal to change an approved run.</summary>
    public static FundingRefusedException Unchangeable(AdvanceRunHeader approved) =>
        new($"the run of {Day(approved.RunDate)} is approved ({Approval(approved)}) and cannot change");

    /// <summary>The latest approved run before <paramref name="runDate"/>: the history a run on the date counts.</summary>
    public static DateOnly? LatestApprovedBefore(IEnumerable<AdvanceRunHeader> headers, DateOnly runDate) =>
        headers.Where(h => h.Status == AdvanceRunStatus.Approved && h.RunDate < runDate)
            .Select(h => (DateOnly?)h.RunDate)
            .Max();

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Approval(AdvanceRunHeader header) =>
        $"by {header.ApprovedBy} on {header.ApprovedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
}
