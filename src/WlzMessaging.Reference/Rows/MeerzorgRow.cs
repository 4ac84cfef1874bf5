namespace WlzMessaging.Reference;

/// <summary>
/// One row of meerzorg.csv: a meerzorg beschikking. ZMZ01 lines of this client and provider are allowed in the period
/// (both dates inclusive; einddatum none = open), at <paramref name="TariefCent"/>.
/// </summary>
/// <param name="Bsn">The client's BSN as a number (special personal data: never log or echo it).</param>
public sealed record MeerzorgRow(int Bsn, int Agb, DateOnly Begindatum, DateOnly? Einddatum, long TariefCent)
{
    // Records print their members; a BSN must not end up in a log line through an interpolated row.
    public override string ToString() =>
        $"MeerzorgRow {{ Agb = {Agb}, Begindatum = {Begindatum:yyyy-MM-dd}, Einddatum = {Einddatum:yyyy-MM-dd}, TariefCent = {TariefCent} }}";
}
