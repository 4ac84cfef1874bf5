using A = WlzMessaging.Vektis.Aw320Layout.Sluit;
using L = WlzMessaging.Vektis.Aw319Layout.Sluit;

namespace WlzMessaging.Vektis;

/// <summary>99 SLUITRECORD: the sender's counts and net total, checked against what the file holds (0150-0156).</summary>
public readonly ref struct SluitRecord(VektisRecord record)
{
    public VektisRecord Record { get; } = record;

    public long AantalVerzekerdenrecords => Record.Number(L.AantalVerzekerdenrecords);

    public long AantalDebiteurrecords => Record.Number(L.AantalDebiteurrecords);

    public long AantalPrestatierecords => Record.Number(L.AantalPrestatierecords);

    public long AantalCommentaarrecords => Record.Number(L.AantalCommentaarrecords);

    public long TotaalAantalDetailrecords => Record.Number(L.TotaalAantalDetailrecords);

    public long TotaalDeclaratiebedrag => Record.Number(L.TotaalDeclaratiebedrag);

    public byte IndicatieDebetCredit => Record.Field(L.IndicatieDebetCredit) is [var b] ? b : (byte)0;

    /// <summary>The net total declared, negative when credit outweighs debit.</summary>
    public long TotaalDeclaratiebedragSigned => DebetCredit.Signed(TotaalDeclaratiebedrag, IndicatieDebetCredit);

    // The AW320 answer.
    public long TotaalToegekend => Record.Number(A.TotaalToegekend);

    public long TotaalToegekendSigned => DebetCredit.Signed(TotaalToegekend, Record.Field(A.IndicatieDebetCredit02) is [var b] ? b : (byte)0);
}
