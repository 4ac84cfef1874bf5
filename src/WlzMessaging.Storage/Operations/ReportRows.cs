namespace WlzMessaging.Storage.Operations;

/// <summary>The files of a period and how they were answered: for one provider, or (<see cref="IsTotal"/>) for all.</summary>
public sealed record FileFigures
{
    /// <summary>The row that sums every provider.</summary>
    public bool IsTotal { get; init; }

    /// <summary>0112 of the files; null on the total row, and for files that could not be read that far.</summary>
    public int? ProviderAgb { get; init; }

    /// <summary>The provider's name from the reference data (an organisation, never a person); null when unknown.</summary>
    public string? ProviderName { get; init; }

    public long Files { get; init; }

    public long Processed { get; init; }

    /// <summary>Rejected as a whole (technisch afgekeurd): answered with a 01/99-only AW320.</summary>
    public long RejectedFiles { get; init; }

    /// <summary>Not a Vektis file: no AW320 can be formed.</summary>
    public long Quarantined { get; init; }

    /// <summary>Claimed by a worker and not finished.</summary>
    public long InWork { get; init; }

    /// <summary>Test files (0105 = T); counted in the other figures too.</summary>
    public long TestFiles { get; init; }

    /// <summary>Files with an AW320 (processed or rejected as a whole).</summary>
    public long Answered { get; init; }

    public long Lines { get; init; }

    public long ApprovedLines { get; init; }

    public long RejectedLines { get; init; }

    public long DeclaredCents { get; init; }

    public long ApprovedCents { get; init; }

    /// <summary>Days from receipt to AW320, over the answered files; null when none was answered.</summary>
    public double? MedianDays { get; init; }

    public int? MaxDays { get; init; }

    /// <summary>Answered within the aim (at most the aim's days after receipt).</summary>
    public long WithinAim { get; init; }

    /// <summary>Answered later than the limit.</summary>
    public long OverLimit { get; init; }

    /// <summary>Not answered yet, and received longer ago than the limit.</summary>
    public long WaitingOverLimit { get; init; }

    /// <summary>Declarations (not test, not quarantined) received after the 17th working day after their period's month.</summary>
    public long Late { get; init; }

    /// <summary>Declarations whose period end (0115) is not stored: their lateness is unknown.</summary>
    public long PeriodUnknown { get; init; }
}

/// <summary>
/// How many rejected lines carry a retourcode, or how many files rejected as a whole carry a cause (a file-level code beside
/// 0001; 0001 itself for a file with no other): for one provider, or for all.
/// </summary>
public sealed record CodeCount(bool IsTotal, int? ProviderAgb, short Code, long Count);

/// <summary>A file answered later than the limit, or waiting longer than it.</summary>
public sealed record OverdueFile(long Id, string FileName, int? ProviderAgb, string Status, DateOnly ReceivedOn, DateOnly? AnsweredOn, int Days);

/// <summary>A declaration received after its deadline: the 17th working day after the month its period ends in.</summary>
public sealed record LateFile(long Id, string FileName, int? ProviderAgb, DateOnly PeriodEnd, DateOnly Deadline, DateOnly ReceivedOn);

/// <summary>What <see cref="ReportQueries"/> read for a period.</summary>
public sealed record ReportRows(
    IReadOnlyList<FileFigures> Files,
    IReadOnlyList<CodeCount> LineCodes,
    IReadOnlyList<CodeCount> FileCodes,
    IReadOnlyList<OverdueFile> Overdue,
    IReadOnlyList<LateFile> LateFiles)
{
    /// <summary>
    /// The production of the care year of the period's last day, counted through that day per provider as the advance run
    /// counts it (<see cref="Storage.Funding.FundingInputsQuery.ProductionAsync"/>): lines, accepted MNDP, tariff corrections.
    /// </summary>
    public IReadOnlyList<WlzMessaging.Funding.CountedProduction> Production { get; init; } = [];
}
