namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>Obviously synthetic BSNs (99999…) that pass the elfproef, so no test ever holds a real person's number.</summary>
internal static class Bsn
{
    public const string A = "999990019";
    public const string B = "999990032";
    public const string C = "999990044";

    /// <summary>The eleven test: digits weighted 9 down to 2 and the last by -1; the sum a multiple of 11.</summary>
    public static bool PassesElfproef(string bsn)
    {
        if (bsn.Length != 9 || !bsn.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (bsn[i] - '0') * (9 - i);
        }

        sum -= bsn[8] - '0';
        return sum % 11 == 0;
    }
}
