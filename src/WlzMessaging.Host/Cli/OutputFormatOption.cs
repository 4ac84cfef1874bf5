using WlzMessaging.Operations;

namespace WlzMessaging.Host.Cli;

/// <summary>The <c>--format</c> option of the commands that print a view.</summary>
internal static class OutputFormatOption
{
    public static OptionSpec Option { get; } =
        OptionSpec.Value("format", "json|table", "table (default) for people, json for programs (amounts in signed cents)");

    public static OutputFormat Resolve(CommandArguments args) => args.Value("format") switch
    {
        null or "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        var other => throw new UsageException($"--format: '{other}' is not json or table"),
    };
}
