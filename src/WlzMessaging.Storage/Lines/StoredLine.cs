namespace WlzMessaging.Storage.Lines;

/// <summary>
/// One declaration line (04 PRESTATIERECORD) as stored in <c>declaration_line</c>, with its outcome. Amounts are eurocents,
/// signed by the line's debit/credit indicator (credit negative).
/// </summary>
/// <remarks>
/// A plain struct rather than a record: a record's generated ToString prints every member, and a line must never reach a
/// log with its BSN. <see cref="ToString"/> names the file and record only.
/// </remarks>
public readonly struct StoredLine
{
    /// <summary>vektis_file.id of the file the line came in.</summary>
    public required long FileId { get; init; }

    /// <summary>0402 IDENTIFICATIE DETAILRECORD: unique within the file.</summary>
    public required long RecordId { get; init; }

    /// <summary>0112 INSTELLINGSCODE of the file.</summary>
    public required int ProviderAgb { get; init; }

    /// <summary>0403 BSN VERZEKERDE. Personal data: never log it.</summary>
    public required int Bsn { get; init; }

    /// <summary>0417, without padding.</summary>
    public required string Prestatiecode { get; init; }

    /// <summary>0414; null when the field is not a valid date.</summary>
    public required DateOnly? BeginDate { get; init; }

    /// <summary>0415; null when the field is not a valid date.</summary>
    public required DateOnly? EndDate { get; init; }

    /// <summary>0418 AANTAL UITGEVOERDE PRESTATIES.</summary>
    public required int Volume { get; init; }

    /// <summary>0425, as declared.</summary>
    public required long TariffCents { get; init; }

    /// <summary>The tariff the zorgkantoor applied: 0481 = 0418 × this.</summary>
    public required long AppliedTariffCents { get; init; }

    /// <summary>0429, negative for a credit.</summary>
    public required long DeclaredCents { get; init; }

    /// <summary>0483, negative for a credit; 0 for a rejected line.</summary>
    public required long ApprovedCents { get; init; }

    /// <summary>0430: 'D' or 'C'.</summary>
    public required char DebitCredit { get; init; }

    /// <summary>0431, without padding.</summary>
    public required string Referentienummer { get; init; }

    /// <summary>0432, without padding; null when blank.</summary>
    public string? VoorgaandReferentienummer { get; init; }

    /// <summary>The first retourcode (8001 alone means approved).</summary>
    public required short Retourcode1 { get; init; }

    /// <summary>The second retourcode slot; 0 when empty.</summary>
    public short Retourcode2 { get; init; }

    /// <summary>The third retourcode slot; 0 when empty.</summary>
    public short Retourcode3 { get; init; }

    /// <summary>The day the file arrived.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>Whether the file is a production file (0105 = P).</summary>
    public required bool Production { get; init; }

    public override string ToString() => $"line {RecordId} of file {FileId}";
}
