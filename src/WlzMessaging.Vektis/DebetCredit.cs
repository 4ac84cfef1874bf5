namespace WlzMessaging.Vektis;

/// <summary>INDICATIE DEBET/CREDIT: amounts are unsigned in the file; this byte gives their sign.</summary>
public static class DebetCredit
{
    public const byte Debet = (byte)'D';
    public const byte Credit = (byte)'C';

    public static bool IsValid(byte indicator) => indicator is Debet or Credit;

    /// <summary>The amount with its sign: negative for credit.</summary>
    public static long Signed(long amount, byte indicator) => indicator == Credit ? -amount : amount;

    /// <summary>The indicator for a signed amount: D for zero or more, C below zero.</summary>
    public static byte Of(long signedAmount) => signedAmount < 0 ? Credit : Debet;
}
