namespace WlzMessaging.Reference.Iwlz;

/// <summary>The three iWlz messages the engine reads, by the namespace of their root element.</summary>
public enum IwlzBerichtSoort
{
    /// <summary>AW33: toewijzing (zorgkantoor to provider).</summary>
    Aw33,

    /// <summary>AW35: melding aanvang zorg (provider to zorgkantoor).</summary>
    Aw35,

    /// <summary>AW39: mutatie, including melding einde zorg (provider to zorgkantoor).</summary>
    Aw39,
}

/// <summary>One item of a message about one toewijzing, with only what the engine keeps.</summary>
/// <param name="Toewijzingsmoment">AW33: Toewijzingsdatum and Toewijzingstijd, which order the versions of a toewijzing.</param>
/// <param name="Datum">AW35: Begindatum; AW39: Mutatiedatum.</param>
/// <param name="StatusAanlevering">AW35/AW39: 1 first, 2 changed, 3 withdrawn; 0 for AW33.</param>
/// <param name="Line">Line of the item's element in its file, for problems.</param>
/// <param name="EindeZorg">AW39: its Mutatiecode ends the delivered care (<see cref="IwlzMutatiecode.EndsCare"/>).</param>
public sealed record IwlzItem(
    long Toewijzingnummer,
    int Bsn,
    long Besluitnummer,
    int Zzpcode,
    int Functiecode,
    Leveringsvorm Leveringsvorm,
    int Agb,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    DateTime Toewijzingsmoment,
    DateOnly Datum,
    int StatusAanlevering,
    int Line,
    bool EindeZorg = false)
{
    public override string ToString() => $"IwlzItem {{ Toewijzingnummer = {Toewijzingnummer}, Line = {Line} }}";
}

/// <summary>One message read without a problem.</summary>
/// <param name="Dagtekening">BerichtIdentificatie/Dagtekening: the date the message was made, which orders the meldingen.</param>
public sealed record IwlzBericht(string File, IwlzBerichtSoort Soort, DateOnly Dagtekening, IReadOnlyList<IwlzItem> Items);
