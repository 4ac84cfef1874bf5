using WlzMessaging.Vektis;

namespace WlzMessaging.Storage.Lines;

/// <summary>
/// One declaration line's values in reusable buffers, as <see cref="DeclarationLineStream"/> encodes them. The caller keeps
/// one instance per file, sets the per-file values once, fills the per-line values from each 04 record (text straight from
/// its ISO-8859-1 bytes) and hands it to <see cref="DeclarationLineStream.Write"/> (the file pipeline) or
/// <see cref="DeclarationLineWriter.Write(DeclarationLineRow)"/>: no string and no object per line, whatever the file's
/// size. <see cref="StoredLine"/> is the same line as a value, for callers that hold strings anyway (<see cref="Load"/>).
/// </summary>
/// <remarks>Holds a BSN while a line is in hand: never log it. <see cref="ToString"/> names the file and record only.</remarks>
public sealed class DeclarationLineRow
{
    // 0417 has 5 positions, 0431 and 0432 20 each.
    private readonly char[] _prestatiecode = new char[5];
    private readonly char[] _referentienummer = new char[20];
    private readonly char[] _voorgaand = new char[20];

    /// <summary>vektis_file.id of the file the line came in.</summary>
    public long FileId { get; set; }

    /// <summary>0112 INSTELLINGSCODE of the file.</summary>
    public int ProviderAgb { get; set; }

    /// <summary>The day the file arrived.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The file is a production file (0105 = P).</summary>
    public bool Production { get; set; }

    /// <summary>0402.</summary>
    public long RecordId { get; set; }

    /// <summary>0403. Personal data: never log it.</summary>
    public int Bsn { get; set; }

    public DateOnly? BeginDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public int Volume { get; set; }

    public long TariffCents { get; set; }

    public long AppliedTariffCents { get; set; }

    /// <summary>0429 signed by 0430 (credit negative).</summary>
    public long DeclaredCents { get; set; }

    /// <summary>0483 signed; 0 for a rejected line.</summary>
    public long ApprovedCents { get; set; }

    /// <summary>'D' or 'C'.</summary>
    public char DebitCredit { get; set; }

    public short Retourcode1 { get; set; }

    /// <summary>0 for an empty slot.</summary>
    public short Retourcode2 { get; set; }

    /// <summary>0 for an empty slot.</summary>
    public short Retourcode3 { get; set; }

    /// <summary>
    /// declaration_line.approved: granted in full, the first retourcode 8001. Derived from <see cref="Retourcode1"/>, never
    /// set, so the two cannot disagree (and the table's CHECK refuses a row where they would).
    /// </summary>
    internal bool Approved => Retourcode1 == Retourcodes.VolledigToegewezen.Value;

    /// <summary>declaration_line.declaration_year: the year of 0414; null when 0414 is not a valid date. Derived, never set.</summary>
    internal short? DeclarationYear => BeginDate is { } begin ? (short)begin.Year : null;

    internal ReadOnlyMemory<char> Prestatiecode { get; private set; }

    internal ReadOnlyMemory<char> Referentienummer { get; private set; }

    /// <summary>Empty for a blank 0432 (stored as NULL).</summary>
    internal ReadOnlyMemory<char> VoorgaandReferentienummer { get; private set; }

    /// <summary>0417 as its bytes in the file; the padding spaces on the right are dropped.</summary>
    public void SetPrestatiecode(ReadOnlySpan<byte> latin1) => Prestatiecode = Decode(latin1, _prestatiecode);

    /// <summary>0431 as its bytes in the file; the padding spaces on the right are dropped (a blank field is stored empty).</summary>
    public void SetReferentienummer(ReadOnlySpan<byte> latin1) => Referentienummer = Decode(latin1, _referentienummer);

    /// <summary>0432 as its bytes in the file; a blank field is stored as NULL.</summary>
    public void SetVoorgaandReferentienummer(ReadOnlySpan<byte> latin1) => VoorgaandReferentienummer = Decode(latin1, _voorgaand);

    /// <summary>
    /// Takes every value of <paramref name="line"/> (its strings are referenced, not copied). The texts must fit their Vektis
    /// fields (0417: 5 positions, 0431 and 0432: 20), as they do when they came from a file: the COPY buffer is sized by them.
    /// </summary>
    public void Load(in StoredLine line)
    {
        FileId = line.FileId;
        RecordId = line.RecordId;
        ProviderAgb = line.ProviderAgb;
        Bsn = line.Bsn;
        BeginDate = line.BeginDate;
        EndDate = line.EndDate;
        Volume = line.Volume;
        TariffCents = line.TariffCents;
        AppliedTariffCents = line.AppliedTariffCents;
        DeclaredCents = line.DeclaredCents;
        ApprovedCents = line.ApprovedCents;
        DebitCredit = line.DebitCredit;
        Retourcode1 = line.Retourcode1;
        Retourcode2 = line.Retourcode2;
        Retourcode3 = line.Retourcode3;
        ReceivedOn = line.ReceivedOn;
        Production = line.Production;
        Prestatiecode = Field(line.Prestatiecode, _prestatiecode.Length, "0417");
        Referentienummer = Field(line.Referentienummer, _referentienummer.Length, "0431");
        VoorgaandReferentienummer = Field(line.VoorgaandReferentienummer ?? "", _voorgaand.Length, "0432");
    }

    public override string ToString() => $"line {RecordId} of file {FileId}";

    private ReadOnlyMemory<char> Field(string text, int length, string field) =>
        text.Length <= length
            ? text.AsMemory()
            : throw new ArgumentException($"{this}: {field} has {text.Length} characters, its field {length}", nameof(text));

    /// <summary>
    /// ISO-8859-1 bytes to chars without the right padding. Byte 0 (which PostgreSQL text cannot hold) becomes U+FFFD; the
    /// line then carries a format code of the reader anyway.
    /// </summary>
    private static ReadOnlyMemory<char> Decode(ReadOnlySpan<byte> latin1, char[] buffer)
    {
        var length = Math.Min(latin1.TrimEnd((byte)' ').Length, buffer.Length);
        for (var i = 0; i < length; i++)
        {
            var b = latin1[i];
            buffer[i] = b == 0 ? '\uFFFD' : (char)b;
        }

        return new ReadOnlyMemory<char>(buffer, 0, length);
    }
}
