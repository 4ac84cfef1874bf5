using System.Globalization;

namespace WlzMessaging.Reference;

/// <summary>
/// The AGB code that identifies a provider (AW319 0112 INSTELLINGSCODE): always eight digits. The one place its rules live:
/// the reference rows and the database keep it as a number, funding keeps it as text so leading zeros survive, and
/// wherever people or JSON see it, it is the eight-digit text of <see cref="ToText"/>.
/// </summary>
public static class AgbCode
{
    public static bool IsValid(string? agb) => agb is { Length: 8 } && agb.All(char.IsAsciiDigit);

    /// <summary>The code as people and files see it: eight digits with leading zeros.</summary>
    public static string ToText(int agb) => agb.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>The number of a valid eight-digit code (as the reference rows and the database keep it).</summary>
    public static int ToInt(string agb) =>
        int.Parse(Require(agb, nameof(agb)), NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Require(string agb, string parameterName) =>
        IsValid(agb) ? agb : throw new ArgumentException($"An AGB code has 8 digits, not '{agb}'.", parameterName);
}
