using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace WlzMessaging.Ingestion.Configuration;

/// <summary>
/// The configuration of <c>wlz</c>: appsettings.json beside the program, then environment variables with the prefix
/// <c>WLZ_</c> (<c>WLZ_UZOVI</c> is <c>Uzovi</c>, <c>WLZ_Mailbox__Inbox</c> is <c>Mailbox:Inbox</c>), then the command
/// line's own options. Later sources win.
/// </summary>
public static class WlzConfiguration
{
    public const string EnvironmentPrefix = "WLZ_";

    public static IConfigurationRoot Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null, string? settingsFile = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(settingsFile ?? Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: settingsFile is null, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    /// <summary>A UZOVI code: 1 to 4 digits, not 0.</summary>
    public static bool TryParseUzovi(string? text, out int uzovi) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uzovi) && uzovi is >= 1 and <= 9999;
}
