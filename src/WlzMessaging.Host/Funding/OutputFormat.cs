using System.Globalization;
using WlzMessaging.Host.Cli;

namespace WlzMessaging.Host.Funding;

/// <summary>How a funding command shows what it did: a table for people (the default) or one JSON document.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}

internal static class OutputFormats
{
    public static OptionSpec Option { get; } =
        OptionSpec.Value("format", "json|table", "table (default) for people, json for programs (amounts in signed cents)");

    public static OutputFormat Resolve(CommandArguments args) => args.Value("format") switch
    {
        null or "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        var other => throw new UsageException($"--format: '{other}' is not json or table"),
    };

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Cents(long cents) => cents.ToString(CultureInfo.InvariantCulture);
}
