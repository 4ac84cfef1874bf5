using System.Collections.Frozen;

namespace WlzMessaging.Adjudication;

/// <summary>
/// Configuration the adjudicator needs beyond reference data: the last day on which files with lines of a year are
/// accepted (L13, 8288). Years not listed close on 25 March of the next year, as the VGZ protocol sets for 2024.
/// </summary>
public sealed class AdjudicationSettings
{
    private readonly FrozenDictionary<int, DateOnly> _cutoffs;

    /// <param name="cutoffs">Per declaration year, the last day a file with lines of that year is accepted.</param>
    public AdjudicationSettings(IReadOnlyDictionary<int, DateOnly>? cutoffs = null)
    {
        _cutoffs = (cutoffs ?? new Dictionary<int, DateOnly>()).ToFrozenDictionary();
        foreach (var (year, cutoff) in _cutoffs)
        {
            if (year is < 1 or > 9998 || cutoff.Year < year)
            {
                throw new ArgumentException($"The cutoff of {year} ({cutoff:yyyy-MM-dd}) must be a day in or after that year.", nameof(cutoffs));
            }
        }
    }

    /// <summary>No configured cutoffs: every year closes on its default date.</summary>
    public static AdjudicationSettings Default { get; } = new();

    /// <summary>The cutoffs configured explicitly.</summary>
    public IReadOnlyDictionary<int, DateOnly> Cutoffs => _cutoffs;

    /// <summary>The default cutoff: 25 March of the year after (VGZ: 2024 lines up to and including 25 March 2025).</summary>
    public static DateOnly DefaultCutoff(int year) => new(year + 1, 3, 25);

    /// <summary>The last day a file with lines of <paramref name="year"/> is accepted.</summary>
    public DateOnly CutoffFor(int year) => _cutoffs.TryGetValue(year, out var cutoff) ? cutoff : DefaultCutoff(year);

    /// <summary>True when a file received on <paramref name="received"/> is too late for lines of <paramref name="year"/>.</summary>
    /// <remarks>Year 9999 has no next year to close in; such a date is caught as invalid by L01 first.</remarks>
    public bool IsClosed(int year, DateOnly received) => year is >= 1 and <= 9998 && received > CutoffFor(year);
}
