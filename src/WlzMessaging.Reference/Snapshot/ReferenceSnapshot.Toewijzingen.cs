using System.Collections.Frozen;

namespace WlzMessaging.Reference;

public sealed partial class ReferenceSnapshot
{
    private readonly FrozenDictionary<int, Slice> _toewijzingen;
    private readonly Toewijzing[] _toewijzingRows;

    /// <summary>
    /// True when toewijzingen were imported. Without them the zorgkantoor checks coverage by the MAZ table alone and rules
    /// 0551 and 0553 are not applied (specs/rules.md, L20 and L21).
    /// </summary>
    public bool HasToewijzingen => _toewijzingRows.Length > 0;

    /// <summary>Every toewijzing of client <paramref name="bsn"/>, whatever the provider, by ingangsdatum.</summary>
    public ReadOnlySpan<Toewijzing> GetToewijzingen(int bsn) =>
        _toewijzingen.TryGetValue(bsn, out var slice) ? _toewijzingRows.AsSpan(slice.Start, slice.Length) : [];

    private static FrozenDictionary<int, Slice> BuildToewijzingen(IReadOnlyList<ToewijzingRow> rows, out Toewijzing[] values) =>
        Grouping.Build(
            rows,
            r => r.Bsn,
            r => new Toewijzing(
                r.Agb,
                checked((short)r.Zzpcode),
                checked((byte)r.Functiecode),
                r.Leveringsvorm,
                r.Ingangsdatum,
                r.Einddatum ?? DateOnly.MaxValue,
                r.ZorgBegindatum,
                r.ZorgEinddatum ?? DateOnly.MaxValue),
            (a, b) => a.Ingangsdatum.CompareTo(b.Ingangsdatum),
            (_, _) => false, // a client may hold several toewijzingen at once (a ZZP and functies, or two providers)
            "toewijzingen",
            out values);

    /// <summary>
    /// The MAZ periods the MAZ/MEZ checks (8290/8287) read: maz.csv's rows and the care each toewijzing's provider reported
    /// (AW35 start, AW39 end). A reported period starting on the day of a maz.csv row of the same client and provider is the
    /// same melding and is taken once, the longer of the two kept.
    /// </summary>
    private static IReadOnlyList<MazRow> MazWithZorgmeldingen(IReadOnlyList<MazRow> maz, IReadOnlyList<ToewijzingRow> toewijzingen)
    {
        if (toewijzingen.Count == 0)
        {
            return maz;
        }

        var byStart = new Dictionary<(int Bsn, int Agb, DateOnly Begin), MazRow>(maz.Count + toewijzingen.Count);
        foreach (var row in maz)
        {
            byStart[(row.Bsn, row.Agb, row.Begindatum)] = row;
        }

        foreach (var t in toewijzingen)
        {
            if (t.ZorgBegindatum is not { } begin)
            {
                continue;
            }

            var row = new MazRow(t.Bsn, t.Agb, begin, t.ZorgEinddatum);
            if (!byStart.TryGetValue((t.Bsn, t.Agb, begin), out var held)
                || (held.Einddatum is { } heldEnd && (row.Einddatum is null || row.Einddatum > heldEnd)))
            {
                byStart[(t.Bsn, t.Agb, begin)] = row;
            }
        }

        return byStart.Values.ToArray();
    }
}
