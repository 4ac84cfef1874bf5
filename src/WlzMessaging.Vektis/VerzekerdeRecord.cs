using L = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Vektis;

/// <summary>02 VERZEKERDENRECORD: the client whose lines follow. Holds personal data: never log its fields.</summary>
public readonly ref struct VerzekerdeRecord(VektisRecord record)
{
    public VektisRecord Record { get; } = record;

    public long IdentificatieDetailrecord => Record.Number(L.IdentificatieDetailrecord);

    /// <summary>The BSN as a number (-1 when not digits). Special personal data under the AVG.</summary>
    public int Bsn => (int)Record.Number(L.Bsn);

    public int UzoviNummer => (int)Record.Number(L.UzoviNummer);

    public DateOnly? DatumGeboorte => Record.Date(L.DatumGeboorte);

    /// <summary>1 man, 2 woman; anything else is a fault (0351).</summary>
    public int CodeGeslacht => (int)Record.Number(L.CodeGeslacht);

    public RetourcodeSet Retourcodes => Record.RetourcodesFrom(Aw320Layout.Verzekerde.Retourcode01);
}
