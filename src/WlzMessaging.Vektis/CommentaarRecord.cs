using L = WlzMessaging.Vektis.Aw319Layout.Commentaar;

namespace WlzMessaging.Vektis;

/// <summary>98 COMMENTAARRECORD: free text on the 02 or 04 record whose id it repeats.</summary>
public readonly ref struct CommentaarRecord(VektisRecord record)
{
    public VektisRecord Record { get; } = record;

    public long IdentificatieDetailrecord => Record.Number(L.IdentificatieDetailrecord);

    public int Regelnummer => (int)Record.Number(L.Regelnummer);

    public ReadOnlySpan<byte> VrijeTekst => Record.Field(L.VrijeTekst);

    public RetourcodeSet Retourcodes => Record.RetourcodesFrom(Aw320Layout.Commentaar.Retourcode01);
}
