using Microsoft.Extensions.Configuration;
using WlzMessaging.Funding;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Configuration;

namespace WlzMessaging.Ingestion.Funding;

/// <summary>
/// Where the advance protocols come from: every <c>*.json</c> of a directory (<c>--protocols DIR</c>, or the setting
/// <c>Funding:Protocols</c>, env <c>WLZ_Funding__Protocols</c>), or, when neither names one, the VGZ 2024 protocol built
/// into the engine. The funding commands compute with them; the adjudicator takes each year's cutoff from them (8288).
/// </summary>
public static class ProtocolFiles
{
    public const string SettingKey = "Funding:Protocols";

    /// <summary>The protocols of <paramref name="directory"/> (<c>--protocols</c>) when given, else of the configuration.</summary>
    /// <exception cref="CommandFailedException">A file that is not a valid protocol: every error with file, path and reason.</exception>
    public static FundingSettings Resolve(string? directory, IConfiguration? configuration = null)
    {
        configuration ??= WlzConfiguration.Build();
        directory ??= configuration[SettingKey];
        try
        {
            return Load(directory, ConfiguredUzovi(configuration));
        }
        catch (ProtocolFileException e)
        {
            throw new CommandFailedException($"the advance protocols cannot be used:{Environment.NewLine}{e.Message}");
        }
    }

    /// <summary>
    /// The settings of the protocols in <paramref name="directory"/>; the built-in default when it is null or empty. When
    /// <paramref name="uzovi"/> is set, only the files whose <c>uzovi</c> list holds it are used.
    /// </summary>
    /// <exception cref="ProtocolFileException">Every error of every file; a directory that does not exist or holds no protocol;
    /// no protocol covering <paramref name="uzovi"/> (one error naming the directory and the code).</exception>
    public static FundingSettings Load(string? directory, int? uzovi = null)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return FundingSettings.Default;
        }

        if (!Directory.Exists(directory))
        {
            throw new ProtocolFileException([new ProtocolError(directory, "$", "the protocol directory does not exist")]);
        }

        var files = Directory.GetFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)));
        return new FundingSettings { Protocols = AdvanceProtocolReader.ReadBook(files, uzovi, directory) };
    }

    /// <summary>
    /// The configured <c>Uzovi</c> (env <c>WLZ_UZOVI</c>) that selects the protocols; null when it is not set or not a
    /// UZOVI code (the commands that need it report that themselves).
    /// </summary>
    public static int? ConfiguredUzovi(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return WlzConfiguration.TryParseUzovi(configuration["Uzovi"]?.Trim(), out var uzovi) ? uzovi : null;
    }

    /// <summary>
    /// The adjudicator's cutoffs: each year's from its protocol (2000-2100), then <c>Cutoffs:YYYY</c> from configuration
    /// where an operator set one for a single year (an extension the zorgkantoor granted).
    /// </summary>
    public static Dictionary<int, DateOnly> Cutoffs(FundingSettings settings, IReadOnlyDictionary<int, DateOnly> configured)
    {
        var cutoffs = new Dictionary<int, DateOnly>(settings.Protocols.Cutoffs(2000, 2100));
        foreach (var (year, date) in configured)
        {
            cutoffs[year] = date;
        }

        return cutoffs;
    }
}
