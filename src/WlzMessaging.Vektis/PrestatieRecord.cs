using A = WlzMessaging.Vektis.Aw320Layout.Prestatie;
using L = WlzMessaging.Vektis.Aw319Layout.Prestatie;

namespace WlzMessaging.Vektis;

/// <summary>04 PRESTATIERECORD: one declaration line. Amounts are eurocents; the Signed properties apply D/C.</summary>
public readonly ref struct PrestatieRecord(VektisRecord record)
{
    public VektisRecord Record { get; } = record;

    public long IdentificatieDetailrecord => Record.Number(L.IdentificatieDetailrecord);

    /// <summary>The BSN as a number (-1 when not digits). Special personal data under the AVG.</summary>
    public int Bsn => (int)Record.Number(L.Bsn);

    public int UzoviNummer => (int)Record.Number(L.UzoviNummer);

    public int Functiecode => (int)Record.Number(L.Functiecode);

    public int Zorgzwaartepakketcode => (int)Record.Number(L.Zorgzwaartepakketcode);

    public DateOnly? BegindatumPrestatie => Record.Date(L.BegindatumPrestatie);

    public DateOnly? EinddatumPrestatie => Record.Date(L.EinddatumPrestatie);

    public int AanduidingPrestatiecodelijst => (int)Record.Number(L.AanduidingPrestatiecodelijst);

    /// <summary>PRESTATIECODE as its five bytes, space-padded (e.g. "Z015 ").</summary>
    public ReadOnlySpan<byte> Prestatiecode => Record.Field(L.Prestatiecode);

    public int Aantal => (int)Record.Number(L.Aantal);

    public int Tijdseenheid => (int)Record.Number(L.Tijdseenheid);

    public int ZorgverlenerscodeBehandelaar => (int)Record.Number(L.ZorgverlenerscodeBehandelaar);

    public long Tarief => Record.Number(L.Tarief);

    public long BerekendBedrag => Record.Number(L.BerekendBedrag);

    public byte IndicatieDebetCredit01 => Record.Field(L.IndicatieDebetCredit01) is [var b] ? b : (byte)0;

    public long Declaratiebedrag => Record.Number(L.Declaratiebedrag);

    public byte IndicatieDebetCredit02 => Record.Field(L.IndicatieDebetCredit02) is [var b] ? b : (byte)0;

    /// <summary>DECLARATIEBEDRAG with its sign: negative on a credit line.</summary>
    public long DeclaratiebedragSigned => DebetCredit.Signed(Declaratiebedrag, IndicatieDebetCredit02);

    public bool IsCredit => IndicatieDebetCredit02 == DebetCredit.Credit;

    public ReadOnlySpan<byte> Referentienummer => Record.Field(L.Referentienummer);

    public ReadOnlySpan<byte> ReferentienummerVoorgaand => Record.Field(L.ReferentienummerVoorgaand);

    // The answer part, present when the record was read from an AW320.
    public long BerekendBedragZorgverzekeraar => Record.Number(A.BerekendBedragZorgverzekeraar);

    public long ToegekendBedrag => Record.Number(A.ToegekendBedrag);

    public byte IndicatieDebetCredit04 => Record.Field(A.IndicatieDebetCredit04) is [var b] ? b : (byte)0;

    public long ToegekendBedragSigned => DebetCredit.Signed(ToegekendBedrag, IndicatieDebetCredit04);

    public RetourcodeSet Retourcodes => Record.RetourcodesFrom(A.Retourcode01);
}
