namespace WlzMessaging.Funding;

/// <summary>
/// The statement of one provider's year (nacalculatie): the figures of the latest run for the year and the totals of all
/// the year's items. Final once the run of 1 April of the next year is among the runs.
/// </summary>
public sealed record YearStatement
{
    public required string Agb { get; init; }

    public required int Year { get; init; }

    /// <summary>Whether the final run (1 April of the next year) is included: then nothing of the year changes any more.</summary>
    public required bool IsFinal { get; init; }

    /// <summary>The date of the year's final run (the nacalculatie), as the protocol of the year names it.</summary>
    public DateOnly FinalRun { get; init; }

    /// <summary>The protocols the runs of the statement were computed with (from the stored runs), oldest run first.</summary>
    public IReadOnlyList<string> Protocols { get; init; } = [];

    /// <summary>The run whose figures are shown: the final run, or the latest so far; null when no run had a production item yet.</summary>
    public required DateOnly? FiguresOfRun { get; init; }

    /// <summary>J in force on that run.</summary>
    public required long JaarafspraakCents { get; init; }

    /// <summary>Pc: capped production.</summary>
    public required long NonExemptProductionCents { get; init; }

    public required long CapCents { get; init; }

    /// <summary>Px: exempt production.</summary>
    public required long ExemptProductionCents { get; init; }

    /// <summary>min(Pc, Cap) + Px: what the year's production earns.</summary>
    public required long DueCents { get; init; }

    /// <summary>Werkvoorschot paid for the year, corrections included.</summary>
    public required long WerkvoorschotPaidCents { get; init; }

    /// <summary>Werkvoorschot settled so far (a positive amount), corrections included.</summary>
    public required long WerkvoorschotSettledCents { get; init; }

    /// <summary>The sum of the computed production items of the year.</summary>
    public required long ProductionItemsCents { get; init; }

    /// <summary>The sum of the operators' corrections of the year's production items.</summary>
    public required long ProductionCorrectionsCents { get; init; }

    /// <summary>
    /// The final difference: what the final run paid (positive) or recovered (negative) for the year, its production and
    /// settlement items and corrections together; null until the final run.
    /// </summary>
    public required long? FinalDifferenceCents { get; init; }

    /// <summary>
    /// Due minus all that was paid for the year (werkvoorschot paid − settled + production items + corrections): positive, the
    /// zorgkantoor still owes the provider; negative, the provider holds more than is due (a werkvoorschot not yet settled).
    /// Zero after a final run no operator changed.
    /// </summary>
    public required long OutstandingCents { get; init; }

    /// <summary>What the provider still owes on recoveries of this year after the latest run.</summary>
    public required long OpenRecoveryCents { get; init; }
}
