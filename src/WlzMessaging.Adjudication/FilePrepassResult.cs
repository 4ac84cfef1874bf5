namespace WlzMessaging.Adjudication;

/// <summary>
/// What the first pass found in a file: the keys storage must ask the history about, and per line what only the whole
/// file shows (a repeated reference, a debit and credit that cancel). Immutable; the adjudicator of the second pass reads it
/// by line number.
/// </summary>
public sealed class FilePrepassResult
{
    // Per line (only the first Lines entries count): the flags, and the previous debit line of the same client and
    // prestatie. Per credit line with a 0432, in file order: its line and the line of this file that first
    // carried that 0432 as 0431 (-1: none).
    private readonly PrepassFlags[] _flags;
    private readonly DebitLinks _previousDebit;
    private readonly int[] _creditLineNumbers;
    private readonly int[] _creditTargets;
    private readonly ReferentienummerSet _referentienummers;
    private readonly ReferentienummerSet _voorgaande;
    private readonly ClientPrestatieTable _debitClientPrestaties;

    internal FilePrepassResult(
        FileHeader header,
        PrepassFlags[] flags,
        DebitLinks previousDebit,
        int lines,
        int[] creditLineNumbers,
        int[] creditTargets,
        ReferentienummerSet referentienummers,
        ReferentienummerSet voorgaandeReferentienummers,
        ClientPrestatieTable debitClientPrestaties,
        DateOnly? debitPeriodBegin,
        DateOnly? debitPeriodEnd,
        int debitLines,
        int creditLines,
        int repeatedReferentienummers,
        int cancellingLines)
    {
        Header = header;
        _flags = flags;
        _previousDebit = previousDebit;
        Lines = lines;
        _creditLineNumbers = creditLineNumbers;
        _creditTargets = creditTargets;
        _referentienummers = referentienummers;
        _voorgaande = voorgaandeReferentienummers;
        _debitClientPrestaties = debitClientPrestaties;
        DebitPeriodBegin = debitPeriodBegin;
        DebitPeriodEnd = debitPeriodEnd;
        DebitLines = debitLines;
        CreditLines = creditLines;
        RepeatedReferentienummers = repeatedReferentienummers;
        CancellingLines = cancellingLines;
    }

    public FileHeader Header { get; }

    /// <summary>The number of 04 records.</summary>
    public int Lines { get; }

    public int DebitLines { get; }

    public int CreditLines { get; }

    /// <summary>
    /// Every distinct 0431 of the file. Storage asks which of these this provider sent before, in an earlier production
    /// file (<see cref="DeclarationHistory.AddReceived"/>, 8021).
    /// </summary>
    public IReadOnlyCollection<Referentienummer> Referentienummers => _referentienummers;

    /// <summary>
    /// Every distinct non-empty 0432 of the file's credit lines. Storage loads the approved debit lines of this provider
    /// that carry one of these as 0431, credited or not (<see cref="DeclarationHistory.AddApprovedDebit"/>, 8017/8084).
    /// </summary>
    public IReadOnlyCollection<Referentienummer> VoorgaandeReferentienummers => _voorgaande;

    /// <summary>
    /// Every distinct (BSN, prestatiecode) of the file's debit lines. Storage loads this provider's approved, uncredited
    /// debit lines of these pairs (<see cref="DeclarationHistory.AddApprovedDebit"/>, 8067); it may leave out lines that
    /// lie wholly outside <see cref="DebitPeriodBegin"/>..<see cref="DebitPeriodEnd"/>, as they cannot overlap.
    /// </summary>
    public IReadOnlyCollection<ClientPrestatie> DebitClientPrestaties => _debitClientPrestaties;

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

    /// <summary>
    /// The bytes this result holds for the file (arrays by their length): what the in-file state costs, for the
    /// benchmark's figures.
    /// </summary>
    public long Footprint =>
        _flags.Length + _previousDebit.Footprint + (_creditLineNumbers.Length * 8L)
        + _referentienummers.Footprint + _voorgaande.Footprint + _debitClientPrestaties.Footprint;

    internal PrepassFlags FlagsOf(int line) => _flags[line];

    /// <summary>The previous debit line of this file with the same BSN and prestatiecode as debit line <paramref name="line"/>; -1: none.</summary>
    internal int PreviousDebitOf(int line) => _previousDebit.PreviousOf(line);

    /// <summary>The credit lines with a 0432, ascending.</summary>
    internal ReadOnlySpan<int> CreditLineNumbers => _creditLineNumbers;

    /// <summary>Per entry of <see cref="CreditLineNumbers"/>: the line of this file that first carried its 0432 as 0431; -1: none.</summary>
    internal ReadOnlySpan<int> CreditTargets => _creditTargets;
}
