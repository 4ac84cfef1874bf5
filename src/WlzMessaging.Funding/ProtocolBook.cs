namespace WlzMessaging.Funding;

/// <summary>
/// The protocols of one zorgkantoor, one per declaration year. A run has items of two years (the previous year's settlement
/// and production, this year's werkvoorschot and production); each year is computed by its own protocol.
/// </summary>
/// <remarks>
/// Decision: a year without a protocol of its own is computed by the nearest earlier protocol (or, before the first, the
/// earliest), carried over with every date moved by whole years and named so ("vgz-wlz 2024 v1 (carried to 2025)"). The
/// engine has run every year on the 2024 numbers so far; a year that differs gets its own file.
/// </remarks>
public sealed class ProtocolBook
{
    private readonly SortedList<int, AdvanceProtocol> _byYear;

    public ProtocolBook(IEnumerable<AdvanceProtocol> protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        _byYear = new SortedList<int, AdvanceProtocol>();
        foreach (var protocol in protocols)
        {
            if (!_byYear.TryAdd(protocol.Year, protocol))
            {
                throw new ArgumentException(
                    $"Two protocols for {protocol.Year}: {_byYear[protocol.Year].Label} and {protocol.Label}.", nameof(protocols));
            }
        }

        if (_byYear.Count == 0)
        {
            throw new ArgumentException("A protocol book needs at least one protocol.", nameof(protocols));
        }
    }

    /// <summary>The VGZ Bevoorschottingsprotocol Wlz 2024, shipped with the engine (Protocols/vgz-wlz-2024.json).</summary>
    public static ProtocolBook Default { get; } = new([AdvanceProtocolReader.Vgz2024]);

    /// <summary>The protocols read from files, by year.</summary>
    public IReadOnlyList<AdvanceProtocol> Protocols => [.. _byYear.Values];

    /// <summary>The protocol that computes <paramref name="year"/>: its own, or the nearest one carried over.</summary>
    public AdvanceProtocol For(int year)
    {
        if (_byYear.TryGetValue(year, out var own))
        {
            return own;
        }

        var earlier = _byYear.Keys.Where(y => y < year).ToArray();
        var source = earlier.Length > 0 ? _byYear[earlier[^1]] : _byYear.Values[0];
        return source.CarriedTo(year);
    }

    /// <summary>
    /// The cutoff of every year in a range, for the adjudicator's settings (<c>AdjudicationSettings</c>): the adjudicator
    /// stays free of protocol files and takes the days as configuration.
    /// </summary>
    public IReadOnlyDictionary<int, DateOnly> Cutoffs(int firstYear, int lastYear)
    {
        var cutoffs = new Dictionary<int, DateOnly>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            cutoffs[year] = For(year).Cutoff.Date;
        }

        return cutoffs;
    }

    /// <summary>The years that have items in a run on <paramref name="runDate"/>, oldest first: at most the previous and the current year.</summary>
    public IEnumerable<int> ProductionYears(DateOnly runDate)
    {
        for (var year = runDate.Year - 1; year <= runDate.Year; year++)
        {
            if (For(year).HasProductionIn(runDate))
            {
                yield return year;
            }
        }
    }
}
