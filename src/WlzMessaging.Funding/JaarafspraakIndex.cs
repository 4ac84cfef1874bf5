namespace WlzMessaging.Funding;

/// <summary>J(D): the jaarafspraak of a provider and year in force on a date, from all its revisions.</summary>
internal sealed class JaarafspraakIndex
{
    private readonly Dictionary<(string Agb, int Year), Jaarafspraak[]> _revisions;

    public JaarafspraakIndex(IEnumerable<Jaarafspraak> jaarafspraken)
    {
        _revisions = jaarafspraken
            .GroupBy(a => (a.Agb, a.Year))
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.GeldigVanaf).ToArray());

        foreach (var ((agb, year), revisions) in _revisions)
        {
            for (var i = 1; i < revisions.Length; i++)
            {
                // Two revisions from the same day leave J ambiguous; paying on a guess is worse than stopping the run.
                if (revisions[i].GeldigVanaf == revisions[i - 1].GeldigVanaf)
                {
                    throw new ArgumentException(
                        $"Two jaarafspraken of {agb} for {year} are valid from {revisions[i].GeldigVanaf:yyyy-MM-dd}.",
                        nameof(jaarafspraken));
                }
            }
        }
    }

    public IEnumerable<string> Agbs => _revisions.Keys.Select(k => k.Agb);

    /// <summary>The latest revision with geldig_vanaf on or before the date; 0 when none is in force yet.</summary>
    public long InForce(string agb, int year, DateOnly date)
    {
        if (!_revisions.TryGetValue((agb, year), out var revisions))
        {
            return 0;
        }

        long amount = 0;
        foreach (var revision in revisions)
        {
            if (revision.GeldigVanaf > date)
            {
                break;
            }

            amount = revision.AmountCents;
        }

        return amount;
    }
}
