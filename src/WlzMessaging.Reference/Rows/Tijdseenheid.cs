namespace WlzMessaging.Reference;

/// <summary>
/// The unit of a prestatie (koppeltabel.csv, column eenheid). The numeric values are the AW319 0419 TIJDSEENHEID codes,
/// so a parsed 0419 compares directly.
/// </summary>
public enum Tijdseenheid
{
    Minuut = 1,
    Uur = 4,

    /// <summary>A day and night (etmaal).</summary>
    Etmaal = 14,

    /// <summary>A part of a day of 4 hours (dagdeel).</summary>
    Dagdeel = 16,

    Tijdsonafhankelijk = 81,
}
