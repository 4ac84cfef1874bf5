using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace WlzMessaging.Reference;

public sealed partial class ReferenceSnapshot
{
    /// <summary>The Wlz prestatiecodelijst (AW319 0416 = 055).</summary>
    public const int WlzPrestatiecodelijst = 55;

    // Key: the list in the bits above the 40 bits of the packed code. Values: the versions of a code by ingangsdatum.
    private readonly FrozenDictionary<ulong, Slice> _koppeltabel;
    private readonly KoppeltabelEntry[] _koppeltabelEntries;

    /// <summary>
    /// The version of Wlz code <paramref name="code"/> (list 055) valid on every day of <paramref name="begin"/>..
    /// <paramref name="end"/> (AW319 0414..0415). False when the code is unknown or no one version covers the whole period
    /// (retourcode 0582); then check the functie/ZZP combination on the entry (1113).
    /// </summary>
    public bool TryGetKoppeling(PrestatieCode code, DateOnly begin, DateOnly end, [MaybeNullWhen(false)] out KoppeltabelEntry entry) =>
        TryGetKoppeling(WlzPrestatiecodelijst, code, begin, end, out entry);

    /// <summary>As <see cref="TryGetKoppeling(PrestatieCode, DateOnly, DateOnly, out KoppeltabelEntry)"/>, for any list.</summary>
    public bool TryGetKoppeling(int prestatiecodelijst, PrestatieCode code, DateOnly begin, DateOnly end, [MaybeNullWhen(false)] out KoppeltabelEntry entry)
    {
        foreach (var candidate in GetKoppelingen(prestatiecodelijst, code))
        {
            if (candidate.IsValidOver(begin, end))
            {
                entry = candidate;
                return true;
            }
        }

        entry = null;
        return false;
    }

    /// <summary>Every version of a code, by ingangsdatum; empty when the code is not in the koppeltabel at all.</summary>
    public ReadOnlySpan<KoppeltabelEntry> GetKoppelingen(int prestatiecodelijst, PrestatieCode code) =>
        _koppeltabel.TryGetValue(KoppeltabelKey(prestatiecodelijst, code), out var slice)
            ? _koppeltabelEntries.AsSpan(slice.Start, slice.Length)
            : [];

    private static ulong KoppeltabelKey(int prestatiecodelijst, PrestatieCode code) =>
        ((ulong)(uint)prestatiecodelijst << 40) | code.Packed;

    private static FrozenDictionary<ulong, Slice> BuildKoppeltabel(IReadOnlyList<KoppeltabelRow> rows, out KoppeltabelEntry[] entries) =>
        Grouping.Build(
            rows,
            r => KoppeltabelKey(r.Prestatiecodelijst, r.Prestatiecode),
            r => new KoppeltabelEntry(r),
            (a, b) => a.Ingangsdatum.CompareTo(b.Ingangsdatum),
            (a, b) => Overlap(a.Ingangsdatum, a.Einddatum, b.Ingangsdatum, b.Einddatum),
            "koppeltabel",
            out entries);
}
