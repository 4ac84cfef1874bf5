namespace WlzMessaging.Reference;

/// <summary>
/// One toewijzing as it stands after every message about it (toewijzingen.csv, or the iWlz AW33, AW35 and AW39 messages):
/// the zorgkantoor's assignment of a ZZP/VPT or a functie of a client's indicatiebesluit to one provider for a period, with
/// the start and end of care the provider reported.
/// </summary>
/// <param name="Toewijzingnummer">The toewijzing's own number: the key every later message about it carries.</param>
/// <param name="Zzpcode">The ZZP or VPT code as AW319 0413 carries it (3 digits); 0 for a toewijzing of a functie.</param>
/// <param name="Functiecode">The functiecode as AW319 0412 carries it (2 digits); 0 for a toewijzing of a ZZP/VPT.</param>
/// <param name="Agb">The provider the toewijzing was given to (iWlz <c>Instelling</c>).</param>
/// <param name="Ingangsdatum">First day of the toewijzingsperiode.</param>
/// <param name="Einddatum">Last day of the toewijzingsperiode; none while open.</param>
/// <param name="ZorgBegindatum">The start of care the provider reported (AW35, "MAZ"); none before it did.</param>
/// <param name="ZorgEinddatum">The end of care the provider reported (AW39, "MEZ"); none while care goes on.</param>
public sealed record ToewijzingRow(
    int Bsn,
    long Besluitnummer,
    long Toewijzingnummer,
    int Zzpcode,
    int Functiecode,
    Leveringsvorm Leveringsvorm,
    int Agb,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    DateOnly? ZorgBegindatum,
    DateOnly? ZorgEinddatum)
{
    // Like MazRow: a row printed in a log or an exception message must not show the client.
    public override string ToString() =>
        $"ToewijzingRow {{ Toewijzingnummer = {Toewijzingnummer}, Zzpcode = {Zzpcode:000}, Functiecode = {Functiecode:00}, " +
        $"Leveringsvorm = {Leveringsvorm}, Agb = {Agb}, Ingangsdatum = {Ingangsdatum:yyyy-MM-dd}, Einddatum = {Einddatum:yyyy-MM-dd} }}";
}
