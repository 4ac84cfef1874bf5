namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>
/// The synthetic clients of testdata/rules/reference: BSNs from the 9999 range that pass the elfproef, each with its own
/// situation with provider De Linde (73730001), the provider of every test file.
/// </summary>
internal static class Clients
{
    /// <summary>MAZ from 2023-05-01, open; meerzorg beschikking 2025-01-01..2025-06-30 at 9850, then from 2025-07-01 at 10240.</summary>
    public const string A = "999990019";

    /// <summary>MAZ 2022-01-01 to MEZ 2025-01-15.</summary>
    public const string B = "999990020";

    /// <summary>No MAZ with De Linde (only with Het Baken).</summary>
    public const string C = "999990032";

    /// <summary>MAZ from 2024-01-01, open; no meerzorg beschikking.</summary>
    public const string D = "999990044";

    /// <summary>Fails the elfproef (C01).</summary>
    public const string Invalid = "999990011";

    public static int Number(string bsn) => int.Parse(bsn, System.Globalization.CultureInfo.InvariantCulture);
}
