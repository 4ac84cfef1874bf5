namespace WlzMessaging.Reference;

/// <summary>The elfproef (eleven test) every burgerservicenummer passes.</summary>
public static class Elfproef
{
    /// <summary>
    /// True when the 9 digits of <paramref name="bsn"/> (leading zeros included), weighted 9, 8, … 2 and −1, sum to a
    /// multiple of 11. 000000000 fails: it passes the arithmetic but is no number anyone holds.
    /// </summary>
    public static bool IsValidBsn(int bsn)
    {
        if (bsn is <= 0 or > 999_999_999)
        {
            return false;
        }

        // The last digit weighs −1, the others 2..9 from right to left.
        var sum = -(bsn % 10);
        var rest = bsn / 10;
        for (var weight = 2; weight <= 9; weight++)
        {
            sum += weight * (rest % 10);
            rest /= 10;
        }

        return sum % 11 == 0;
    }
}
