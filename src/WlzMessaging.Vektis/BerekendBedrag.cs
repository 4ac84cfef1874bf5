namespace WlzMessaging.Vektis;

/// <summary>0481 BEREKEND BEDRAG ZORGVERZEKERAAR: aantal × tarief, signed like the line.</summary>
public static class BerekendBedrag
{
    /// <summary>
    /// Aantal × tarief with the line's sign. When either is not a number, or the product does not fit the 8-position
    /// field, the declared amount stands in: the answer then repeats what the provider sent.
    /// </summary>
    public static long Of(long aantal, long tarief, long declared, byte indicator)
    {
        var product = aantal >= 0 && tarief >= 0 ? aantal * tarief : -1;
        var amount = product is >= 0 and <= Aw320Writer.MaxLineAmount ? product : Math.Clamp(declared, 0, Aw320Writer.MaxLineAmount);
        return DebetCredit.Signed(amount, indicator);
    }
}
