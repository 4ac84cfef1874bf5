using System.Text.Json.Serialization;

namespace WlzMessaging.Operations.Report;

/// <summary>
/// What <c>wlz report</c> shows for a period, as the table and the JSON both write it. Days are calendar days in Amsterdam;
/// amounts are signed eurocents.
/// </summary>
public sealed record OperationsReport(
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    ReportTargets Targets,
    ReportFigures Total,
    IReadOnlyList<ReportProvider> Providers,
    IReadOnlyList<RetourcodeRank> Retourcodes,
    IReadOnlyList<WholeFileRejection> WholeFileRejections,
    IReadOnlyList<ReportOverdueFile> OverLimit,
    IReadOnlyList<ReportLateFile> Late)
{
    /// <summary>The care year of <see cref="ReportFigures.ProductionCents"/>: the year of <see cref="To"/>.</summary>
    public int ProductionYear => To.Year;
}

/// <summary>The aim and limit for the AW320 (days after receipt) and the working days a declaration is due in.</summary>
public sealed record ReportTargets(int AimDays, int LimitDays, int DueWorkingDays);

/// <summary>
/// The figures of the files of a period: of all of them (the report's total, which is no provider and has no AGB or name),
/// or of one provider's (<see cref="ReportProvider"/>).
/// </summary>
public record ReportFigures
{
    public long Files { get; init; }

    public long Processed { get; init; }

    public long RejectedFiles { get; init; }

    public long Quarantined { get; init; }

    public long InWork { get; init; }

    public long TestFiles { get; init; }

    public long Answered { get; init; }

    public long Lines { get; init; }

    public long ApprovedLines { get; init; }

    public long RejectedLines { get; init; }

    /// <summary>Rejected lines as a share of all lines, 0 to 1.</summary>
    public double RejectedShare { get; init; }

    public long DeclaredCents { get; init; }

    /// <summary>
    /// What the AW320s of the period's files approved (declared less rejected), by the day the files arrived, whatever their
    /// care year. Not the production the funding counts: that is <see cref="ProductionCents"/>.
    /// </summary>
    public long ApprovedCents { get; init; }

    /// <summary>
    /// The production of care year <see cref="OperationsReport.ProductionYear"/> counted through the period's last day, as
    /// the advance run counts it (approved lines of every file so far, accepted MNDP, tariff corrections); on the total, all
    /// providers' (also those without files in the period).
    /// </summary>
    public long ProductionCents { get; init; }

    public double? MedianDays { get; init; }

    public int? MaxDays { get; init; }

    public long WithinAim { get; init; }

    public long OverLimit { get; init; }

    public long WaitingOverLimit { get; init; }

    public long Late { get; init; }

    public long PeriodUnknown { get; init; }
}

/// <summary>One provider's figures, with the retourcodes of its rejected lines and of its files rejected as a whole.</summary>
public sealed record ReportProvider : ReportFigures
{
    /// <summary>The AGB code, eight digits; null on the row of the files that could not be read far enough to know it.</summary>
    [JsonPropertyOrder(-2)]
    public string? Agb { get; init; }

    /// <summary>The organisation's name from the reference data; null when unknown.</summary>
    [JsonPropertyOrder(-1)]
    public string? Name { get; init; }

    /// <summary>The retourcodes of this provider's rejected lines, most frequent first.</summary>
    public IReadOnlyList<RetourcodeRank> Retourcodes { get; init; } = [];

    /// <summary>This provider's files rejected as a whole, by cause.</summary>
    public IReadOnlyList<WholeFileRejection> WholeFileRejections { get; init; } = [];
}

/// <summary>A retourcode with its meaning and how many rejected lines (or rejected files) carry it.</summary>
/// <param name="Share">Of the rejected lines (files) in the same scope, 0 to 1; codes share lines, so shares add up to 1 or more.</param>
public sealed record RetourcodeRank(string Code, string Meaning, long Count, double Share);

public sealed record ReportOverdueFile(long FileId, string FileName, string? Agb, string Status, DateOnly ReceivedOn, DateOnly? AnsweredOn, int Days);

public sealed record ReportLateFile(long FileId, string FileName, string? Agb, DateOnly PeriodEnd, DateOnly Deadline, DateOnly ReceivedOn, int WorkingDaysLate);
