using System.Collections.Frozen;

namespace WlzMessaging.Reference;

public sealed partial class ReferenceSnapshot
{
    private readonly FrozenDictionary<long, Slice> _afspraken;
    private readonly AfspraakVersion[] _afspraakVersions;

    /// <summary>
    /// The annual production agreement (J) of provider <paramref name="agb"/> for <paramref name="jaar"/> in force on
    /// <paramref name="on"/>: the version with the latest geldig_vanaf on or before that date, so a herschikking counts from
    /// its own date on. False when there is no agreement for that year, or none in force yet on that date.
    /// </summary>
    public bool TryGetJaarafspraak(int agb, int jaar, DateOnly on, out AfspraakVersion afspraak)
    {
        var versions = GetAfspraakVersions(agb, jaar);
        for (var i = versions.Length - 1; i >= 0; i--)
        {
            if (versions[i].GeldigVanaf <= on)
            {
                afspraak = versions[i];
                return true;
            }
        }

        afspraak = default;
        return false;
    }

    /// <summary>The agreement of a provider for a year and its herschikkingen, by geldig_vanaf.</summary>
    public ReadOnlySpan<AfspraakVersion> GetAfspraakVersions(int agb, int jaar) =>
        _afspraken.TryGetValue(ProviderYearKey(agb, jaar), out var slice)
            ? _afspraakVersions.AsSpan(slice.Start, slice.Length)
            : [];

    private static FrozenDictionary<long, Slice> BuildAfspraken(IReadOnlyList<AfspraakRow> rows, out AfspraakVersion[] versions) =>
        Grouping.Build(
            rows,
            r => ProviderYearKey(r.Agb, r.Jaar),
            r => new AfspraakVersion(r.GeldigVanaf, r.JaarafspraakCent),
            (a, b) => a.GeldigVanaf.CompareTo(b.GeldigVanaf),
            (a, b) => a.GeldigVanaf == b.GeldigVanaf,
            "afspraken",
            out versions);
}
