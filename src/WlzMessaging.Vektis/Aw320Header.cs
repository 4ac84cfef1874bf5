namespace WlzMessaging.Vektis;

/// <summary>
/// What the zorgkantoor puts in the 01 of its answer: its own reference for the file (0181) and the date of the answer
/// (0182). The caller supplies the date, so the same file answered again gives the same bytes.
/// </summary>
public sealed record Aw320Header(byte[] ReferentienummerZorgverzekeraar, DateOnly DagtekeningRetourbericht)
{
    public static Aw320Header Create(string referentienummer, DateOnly dagtekening) =>
        new(System.Text.Encoding.Latin1.GetBytes(referentienummer), dagtekening);
}
