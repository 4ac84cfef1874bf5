namespace WlzMessaging.Reference.Csv;

/// <summary>
/// Collects the problems of one file. Keeps the first <c>cap</c> and only counts the rest: a file that is wrong on every
/// line (the wrong file under the right name) must not produce a report of a million lines.
/// </summary>
internal sealed class ProblemCollector(string file, int cap)
{
    private readonly List<ReferenceProblem> _kept = [];

    public int Count { get; private set; }

    public void Add(int line, string column, string problem)
    {
        Count++;
        if (_kept.Count < cap)
        {
            _kept.Add(new ReferenceProblem(file, line, column, problem));
        }
    }

    /// <summary>The kept problems by line; problems of one line keep the order they were found in (OrderBy is stable).</summary>
    public IReadOnlyList<ReferenceProblem> InLineOrder() => _kept.OrderBy(p => p.Line).ToArray();
}
