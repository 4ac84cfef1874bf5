namespace WlzMessaging.Funding;

/// <summary>The AGB code that identifies a provider: always eight digits, kept as text so leading zeros survive.</summary>
public static class AgbCode
{
    public static bool IsValid(string? agb) => agb is { Length: 8 } && agb.All(char.IsAsciiDigit);

    internal static string Require(string agb, string parameterName) =>
        IsValid(agb) ? agb : throw new ArgumentException($"An AGB code has 8 digits, not '{agb}'.", parameterName);
}
