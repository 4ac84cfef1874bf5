namespace WlzMessaging.Adjudication;

/// <summary>Where the tariff of 0481 BEREKEND BEDRAG ZORGVERZEKERAAR came from.</summary>
public enum TariefSource : byte
{
    /// <summary>0425 as declared: no contracted tariff was in force (or the line's dates could not be read).</summary>
    Declared = 0,

    /// <summary>The provider's contracted tariff for the prestatie and year, in force on the received date.</summary>
    Contract = 1,

    /// <summary>The tariff of the client's meerzorg beschikking (ZMZ01).</summary>
    Meerzorg = 2,
}
