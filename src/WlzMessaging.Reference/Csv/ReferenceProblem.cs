namespace WlzMessaging.Reference.Csv;

/// <summary>
/// One thing wrong in a reference file, written as <c>file:line: column: problem</c>, e.g.
/// <c>tarieven.csv:7: tarief_cent: not a whole number of cents: "12,50"</c>.
/// </summary>
/// <param name="Line">1-based line of the file; the header is line 1.</param>
/// <param name="Column">The column's header name; <c>header</c> for the header row, <c>row</c> for the row as a whole, or the
/// key columns joined by <c>,</c> for a duplicate key.</param>
/// <param name="Problem">What is wrong. Never holds a BSN: files with a bsn column never echo a value.</param>
public sealed record ReferenceProblem(string File, int Line, string Column, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Column}: {Problem}";
}
