using System.Globalization;

namespace WlzMessaging.Operations;

/// <summary>How a command shows what it did: a table for people (the default) or one JSON document for programs.</summary>
public enum OutputFormat
{
    Table,
    Json,
}

/// <summary>The plain notations the funding views share: a day, a moment, an amount in cents for machines.</summary>
public static class OutputFormats
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Cents(long cents) => cents.ToString(CultureInfo.InvariantCulture);
}
