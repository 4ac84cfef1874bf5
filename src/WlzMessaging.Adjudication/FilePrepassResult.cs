namespace WlzMessaging.Adjudication;

/// <summary>
/// What the first pass found in a file: the keys storage must ask the history about, and per line what only the whole
/// file shows (a repeated reference, a debit and credit that cancel). Immutable; the adjudicator of the second pass reads it
/// by line number.
/// </summary>
public sealed class FilePrepassResult
{
    private readonly PrepassFlags[] _lines;

    internal FilePrepassResult(
        FileHeader header,
        PrepassFlags[] lines,
        IReadOnlyCollection<Referentienummer> referentienummers,
        IReadOnlyCollection<Referentienummer> voorgaandeReferentienummers,
        IReadOnlyCollection<ClientPrestatie> debitClientPrestaties,
        DateOnly? debitPeriodBegin,
        DateOnly? debitPeriodEnd,
        int debitLines,
        int creditLines,
        int repeatedReferentienummers,
        int cancellingLines)
    {
        Header = header;
        _lines = lines;
        Referentienummers = referentienummers;
        VoorgaandeReferentienummers = voorgaandeReferentienummers;
        DebitClientPrestaties = debitClientPrestaties;
        DebitPeriodBegin = debitPeriodBegin;
        DebitPeriodEnd = debitPeriodEnd;
        DebitLines = debitLines;
        CreditLines = creditLines;
        RepeatedReferentienummers = repeatedReferentienummers;
        CancellingLines = cancellingLines;
    }

    public FileHeader Header { get; }

    /// <summary>The number of 04 records.</summary>
    public int Lines => _lines.Length;

    public int DebitLines { get; }

    public int CreditLines { get; }

    /// <summary>
    /// Every distinct 0431 of the file. Storage asks which of these this provider sent before, in an earlier production
    /// file (<see cref="DeclarationHistory.AddReceived"/>, 8021).
    /// </summary>
    public IReadOnlyCollection<Referentienummer> Referentienummers { get; }

    /// <summary>
    /// Every distinct non-empty 0432 of the file's credit lines. Storage loads the approved debit lines of this provider
    /// that carry one of these as 0431, credited or not (<see cref="DeclarationHistory.AddApprovedDebit"/>, 8017/8084).
    /// </summary>
    public IReadOnlyCollection<Referentienummer> VoorgaandeReferentienummers { get; }

    /// <summary>
    /// Every distinct (BSN, prestatiecode) of the file's debit lines. Storage loads this provider's approved, uncredited
    /// debit lines of these pairs (<see cref="DeclarationHistory.AddApprovedDebit"/>, 8067); it may leave out lines that
    /// lie wholly outside <see cref="DebitPeriodBegin"/>..<see cref="DebitPeriodEnd"/>, as they cannot overlap.
    /// </summary>
    public IReadOnlyCollection<ClientPrestatie> DebitClientPrestaties { get; }

    /// <summary>The earliest 0414 of a debit line with valid dates; null when there is none.</summary>
    public DateOnly? DebitPeriodBegin { get; }

    /// <summary>The latest 0415 of a debit line with valid dates; null when there is none.</summary>
    public DateOnly? DebitPeriodEnd { get; }

    /// <summary>Lines whose 0431 an earlier line already carried (each gets 8192).</summary>
    public int RepeatedReferentienummers { get; }

    /// <summary>Lines in a debit-credit pair that cancels inside the file (each gets 8062).</summary>
    public int CancellingLines { get; }

    /// <summary>The context of the second pass: the provider and kind of file from the 01, and the date it was received.</summary>
    public AdjudicationContext ContextFor(DateOnly received) =>
        new(received, Header.Instellingscode, Header.IsTest);

    internal PrepassFlags FlagsOf(int line) => _lines[line];
}
