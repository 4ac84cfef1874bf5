namespace WlzMessaging.Reference;

/// <summary>
/// One row of maz.csv: a period of care of a client with a provider, from the MAZ (melding aanvang zorg) to the MEZ
/// (melding einde zorg); <paramref name="Einddatum"/> none while care goes on. Both dates inclusive.
/// </summary>
/// <param name="Bsn">The client's BSN as a number (special personal data: never log or echo it).</param>
public sealed record MazRow(int Bsn, int Agb, DateOnly Begindatum, DateOnly? Einddatum)
{
    // Records print their members; a BSN must not end up in a log line through an interpolated row.
    public override string ToString() => $"MazRow {{ Agb = {Agb}, Begindatum = {Begindatum:yyyy-MM-dd}, Einddatum = {Einddatum:yyyy-MM-dd} }}";
}
