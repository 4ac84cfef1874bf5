namespace WlzMessaging.Reference.Csv;

/// <summary>What a reference file parse gives, whatever its row type: the file name and its problems.</summary>
public interface IReferenceFileResult
{
    string FileName { get; }

    /// <summary>True when the file had no problem at all, so its rows may replace the table.</summary>
    bool IsValid { get; }

    /// <summary>The rows read; empty unless <see cref="IsValid"/> (a file is taken whole or not at all).</summary>
    int RowCount { get; }

    /// <summary>The problems found, in line order, at most <see cref="ReferenceCsvParser{TRow}.MaxProblemsKept"/>.</summary>
    IReadOnlyList<ReferenceProblem> Problems { get; }

    /// <summary>How many problems there were in all, including those not kept.</summary>
    int ProblemCount { get; }
}

/// <summary>The result of parsing one reference file: its rows when the whole file is valid, else its problems.</summary>
public sealed class ParseResult<TRow> : IReferenceFileResult
{
    internal ParseResult(string fileName, IReadOnlyList<TRow> rows, IReadOnlyList<ReferenceProblem> problems, int problemCount)
    {
        FileName = fileName;
        Rows = problemCount == 0 ? rows : [];
        Problems = problems;
        ProblemCount = problemCount;
    }

    public string FileName { get; }

    /// <summary>The rows in file order; empty when the file has a problem.</summary>
    public IReadOnlyList<TRow> Rows { get; }

    public IReadOnlyList<ReferenceProblem> Problems { get; }

    public int ProblemCount { get; }

    public bool IsValid => ProblemCount == 0;

    public int RowCount => Rows.Count;
}
