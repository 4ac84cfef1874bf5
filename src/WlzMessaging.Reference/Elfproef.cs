namespace WlzMessaging.Reference;

/// <summary>The elfproef (eleven test) every burgerservicenummer passes.</summary>
public static class Elfproef
{
    /// <summary>
    /// True when the 9 digits of <paramref name="bsn"/> (leading zeros included), weighted 9, 8, … 2 and −1, sum to a
    /// multiple of 11. 000000000 fails: it passes the arithmetic but is no number anyone holds.
    /// </summary>
    public static bool IsValidBsn(long bsn)
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

    /// <summary>The elfproef of nine ASCII digits as they stand in a record; false for anything that is not nine digits.</summary>
    public static bool IsValidBsn(ReadOnlySpan<byte> digits)
    {
        if (digits.Length != 9)
        {
            return false;
        }

        long value = 0;
        foreach (var b in digits)
        {
            var d = unchecked((uint)(b - '0')); // a byte below '0' wraps to a large number: one comparison tests 0-9
            if (d > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return IsValidBsn(value);
    }
}
