using WlzMessaging.Operations;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The one <c>--format</c> option of the commands that print a view: <c>table</c> (the default, for people: euros, Amsterdam
/// times) or <c>json</c> (for programs: amounts in cents, in fields named <c>...Cents</c>). "text", the old word of status,
/// nightly and inspect, is still taken for table.
/// </summary>
internal static class OutputFormatOption
{
    public static OptionSpec Option { get; } =
        OptionSpec.Value("format", "table|json", "table (default) for people, json for programs (amounts in cents, fields named ...Cents)");

    public static OutputFormat Resolve(CommandArguments args) => args.Value("format") switch
    {
        null or "table" or "text" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        var other => throw new UsageException($"--format: '{other}' is not table or json"),
    };
}
