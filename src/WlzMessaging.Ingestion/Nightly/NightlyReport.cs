namespace WlzMessaging.Ingestion.Nightly;

/// <summary>
/// What a nightly run did, as <c>nightly_run.report</c> keeps it (JSON, camelCase, dates YYYY-MM-DD, amounts in cents). The
/// top-level numbers are what <c>wlz status</c> prints on one line; the rest is the detail the dashboard shows as a tree.
/// Nothing here names a client: providers by AGB code and name, lines by file, record and the provider's own reference.
/// </summary>
/// <remarks>
/// Everything but <see cref="Files"/> (and its two top-level numbers) is read back from the tables the run wrote for its
/// date, so running a date again gives the same report; the files are what this run found waiting.
/// </remarks>
public sealed record NightlyReport
{
    public required DateOnly Date { get; init; }

    /// <summary>Files of the inbox answered by this run (processed, rejected as a whole, or answered again).</summary>
    public long FilesProcessed { get; init; }

    public long StaleClaimsReleased { get; init; }

    /// <summary>Approved credit lines received on the date, each matched to the debit it reverses.</summary>
    public long Credits { get; init; }

    /// <summary>Of <see cref="Credits"/>, those whose debit was not found (not expected: the adjudicator refuses them, 8017).</summary>
    public long CreditsUnmatched { get; init; }

    /// <summary>Approved re-debits received on the date: new debits for a period whose earlier debit was credited.</summary>
    public long Redebits { get; init; }

    /// <summary>The approved amount of the credits and re-debits, net (credits negative).</summary>
    public long CorrectionNetCents { get; init; }

    /// <summary>Provider-years whose production per month was recomputed.</summary>
    public long ProductionYearsRecomputed { get; init; }

    public long TariffCorrections { get; init; }

    public long TariffCorrectionCents { get; init; }

    public long Herschikkingen { get; init; }

    /// <summary>Lines listed for resubmission on this date because a MAZ now covers them.</summary>
    public long LateMazLines { get; init; }

    /// <summary>The declaration years whose rejected lines were matched against the MAZ.</summary>
    public IReadOnlyList<int> OpenYears { get; init; } = [];

    public required NightlyFiles Files { get; init; }

    /// <summary>One entry per provider with anything in the report, by AGB code.</summary>
    public IReadOnlyList<NightlyProvider> Providers { get; init; } = [];
}

/// <summary>The files step: claims left by dead workers, and the files waiting in the inbox, processed.</summary>
/// <param name="Inbox">
/// What was done with the inbox: <c>processed</c>; <c>worker</c> (the job ran inside <c>wlz run</c>, whose own loop processes
/// the inbox); <c>absent</c> (no such directory); <c>skipped</c>.
/// </param>
public sealed record NightlyFiles(
    string Inbox,
    long Processed,
    long Rejected,
    long AnsweredAgain,
    long Quarantined,
    long LeftToLiveWorker,
    long Failed,
    long StaleClaimsReleased,
    long StaleClaimsHeldByLiveWorker,
    long StaleClaimsForOperator)
{
    public static NightlyFiles Skipped { get; } = new("skipped", 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Temporary AW320s a dead process left in the outbox, committed and now published (<see cref="StaleAnswers"/>).</summary>
    public long StaleAnswersPublished { get; init; }

    /// <summary>Temporary AW320s of rolled-back files (or copies of a published one), removed.</summary>
    public long StaleAnswersRemoved { get; init; }

    /// <summary>Committed temporary AW320s whose name the outbox holds with other content: for an operator.</summary>
    public long StaleAnswersForOperator { get; init; }

    public long Answered => Processed + Rejected + AnsweredAgain;
}

/// <summary>A provider's part of the report.</summary>
public sealed record NightlyProvider
{
    public required string Agb { get; init; }

    public string? ProviderName { get; init; }

    public long Credits { get; init; }

    public long CreditsUnmatched { get; init; }

    public long Redebits { get; init; }

    public long CorrectionNetCents { get; init; }

    /// <summary>The recomputed production per year: months with production and the year's net approved amount.</summary>
    public IReadOnlyList<NightlyProductionYear> Production { get; init; } = [];

    public IReadOnlyList<NightlyTariffCorrection> TariffCorrections { get; init; } = [];

    public IReadOnlyList<NightlyHerschikking> Herschikkingen { get; init; } = [];

    public long LateMazLines { get; init; }

    /// <summary>The lines to send again (at most <see cref="NightlyReportBuilder.MaxListedLines"/>; the table holds all).</summary>
    public IReadOnlyList<NightlyResubmission> Resubmit { get; init; } = [];
}

public sealed record NightlyProductionYear(int Year, int Months, long ApprovedCents);

/// <summary>A tariff correction for the advance run from <paramref name="CountsFrom"/> on.</summary>
public sealed record NightlyTariffCorrection(
    int Year, string Prestatiecode, long OldTariefCents, long NewTariefCents, long Volume, long AmountCents, DateOnly CountsFrom);

public sealed record NightlyHerschikking(int Year, long OldAmountCents, long NewAmountCents, DateOnly GeldigVanaf);

/// <summary>A line rejected for the MAZ that the provider may send again: found by its file and reference.</summary>
public sealed record NightlyResubmission(
    string FileName, long FileId, long RecordId, string Referentienummer, string Prestatiecode, int Year, string Retourcode, long DeclaredCents);
