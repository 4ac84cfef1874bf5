using System.Globalization;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Operations;

/// <summary>How a command shows what it did: a table for people (the default) or one JSON document for programs.</summary>
public enum OutputFormat
{
    Table,
    Json,

    /// <summary>A spreadsheet's lines (where a view is a table of rows: the report's providers).</summary>
    Csv,
}

/// <summary>
/// The plain notations the funding views share: a day, and a moment as people read it, in Europe/Amsterdam with the zone
/// shown (CET in winter, CEST in summer). Amounts for people go through <see cref="Money"/>; cents appear only in JSON.
/// </summary>
public static class OutputFormats
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2025-02-10 14:03 CET": the Amsterdam wall-clock time of the instant and the zone's abbreviation.</summary>
    public static string Time(DateTimeOffset time) => Amsterdam.Display(time);
}
