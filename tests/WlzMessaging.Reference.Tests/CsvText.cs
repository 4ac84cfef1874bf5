using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Reference.Tests;

/// <summary>Parses CSV written inline in a test, and shows problems as the lines an operator reads.</summary>
internal static class CsvText
{
    public static ParseResult<TRow> Parse<TRow>(ReferenceCsvParser<TRow> parser, params string[] lines)
        where TRow : class =>
        parser.Parse(new StringReader(string.Join('\n', lines) + "\n"));

    public static string[] Problems(IReferenceFileResult result) => result.Problems.Select(p => p.ToString()).ToArray();
}
