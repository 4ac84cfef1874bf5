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

    /// <summary>The option of a view that is also a table of rows: <c>csv</c> too.</summary>
    public static OptionSpec WithCsv { get; } =
        OptionSpec.Value("format", "table|json|csv", "table (default) for people, json for programs, csv for a spreadsheet (amounts in cents, fields named ..._cents)");

    public static OutputFormat Resolve(CommandArguments args, bool csv = false) => args.Value("format") switch
    {
        null or "table" or "text" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "csv" when csv => OutputFormat.Csv,
        var other => throw new UsageException(csv ? $"--format: '{other}' is not table, json or csv" : $"--format: '{other}' is not table or json"),
    };
}
