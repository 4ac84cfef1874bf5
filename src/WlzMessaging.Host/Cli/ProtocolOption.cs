using WlzMessaging.Funding;
using WlzMessaging.Ingestion.Funding;

namespace WlzMessaging.Host.Cli;

/// <summary>The <c>--protocols DIR</c> option of the commands that compute with the advance protocols.</summary>
internal static class ProtocolOption
{
    public static OptionSpec Option { get; } = OptionSpec.Value(
        "protocols", "DIR", $"the advance protocols, a JSON file per year (setting {ProtocolFiles.SettingKey}; default the built-in VGZ 2024)");

    /// <exception cref="Ingestion.CommandFailedException">A file that is not a valid protocol.</exception>
    public static FundingSettings Resolve(CommandArguments args) => ProtocolFiles.Resolve(args.Value("protocols"));
}
