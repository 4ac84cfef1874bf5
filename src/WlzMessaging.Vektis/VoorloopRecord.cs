using L = WlzMessaging.Vektis.Aw319Layout.Voorloop;

namespace WlzMessaging.Vektis;

/// <summary>01 VOORLOOPRECORD: who sends, to whom, which period and invoice.</summary>
public readonly ref struct VoorloopRecord(VektisRecord record)
{
    public VektisRecord Record { get; } = record;

    public int CodeBericht => (int)Record.Number(L.CodeBericht);

    public int Versienummer => (int)Record.Number(L.Versienummer);

    public int Subversienummer => (int)Record.Number(L.Subversienummer);

    /// <summary>P (production) or T (test).</summary>
    public byte SoortBericht => Record.Field(L.SoortBericht) is [var b] ? b : (byte)0;

    public bool IsTest => SoortBericht == (byte)'T';

    public int UzoviNummer => (int)Record.Number(L.UzoviNummer);

    /// <summary>INSTELLINGSCODE: the provider's AGB code; the provider of every line in the file.</summary>
    public int Instellingscode => (int)Record.Number(L.Instellingscode);

    public int BetalingAan => (int)Record.Number(L.BetalingAan);

    public DateOnly? BegindatumDeclaratieperiode => Record.Date(L.BegindatumDeclaratieperiode);

    public DateOnly? EinddatumDeclaratieperiode => Record.Date(L.EinddatumDeclaratieperiode);

    public ReadOnlySpan<byte> Factuurnummer => Record.Field(L.Factuurnummer);

    public DateOnly? DagtekeningFactuur => Record.Date(L.DagtekeningFactuur);

    public ReadOnlySpan<byte> Valutacode => Record.Field(L.Valutacode);

    // The answer part, present when the record was read from an AW320.
    public DateOnly? DagtekeningRetourbericht => Record.Date(Aw320Layout.Voorloop.DagtekeningRetourbericht);

    public RetourcodeSet Retourcodes => Record.RetourcodesFrom(Aw320Layout.Voorloop.Retourcode01);
}
