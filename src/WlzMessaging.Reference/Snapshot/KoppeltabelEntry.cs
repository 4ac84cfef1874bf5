namespace WlzMessaging.Reference;

/// <summary>
/// One version of a koppeltabel code as the adjudicator checks it: its validity and the ZZP codes and functiecodes allowed
/// with it, held as bit sets so that the check of AW319 0412/0413 is two shifts and no search.
/// </summary>
public sealed class KoppeltabelEntry
{
    private const int ZzpCount = 1000;
    private const int FunctieCount = 100;

    // Bit n set = code n allowed. An empty list in the CSV allows only 000 / 00, so bit 0 is then the only bit set.
    private readonly ulong[] _zzp = new ulong[(ZzpCount + 63) / 64];
    private readonly ulong[] _functie = new ulong[(FunctieCount + 63) / 64];

    internal KoppeltabelEntry(KoppeltabelRow row)
    {
        Row = row;
        Fill(_zzp, row.Zzpcodes.AsSpan(), ZzpCount);
        Fill(_functie, row.Functiecodes.AsSpan(), FunctieCount);
    }

    /// <summary>The row this entry was built from (omschrijving, prestatiegroep, the lists as numbers).</summary>
    public KoppeltabelRow Row { get; }

    public PrestatieCode Prestatiecode => Row.Prestatiecode;

    public Tijdseenheid Eenheid => Row.Eenheid;

    public DateOnly Ingangsdatum => Row.Ingangsdatum;

    public DateOnly? Einddatum => Row.Einddatum;

    /// <summary>True when the code is valid on every day of <paramref name="begin"/>..<paramref name="end"/>.</summary>
    public bool IsValidOver(DateOnly begin, DateOnly end) => Ingangsdatum <= begin && end <= (Einddatum ?? DateOnly.MaxValue);

    /// <summary>True when ZZP code <paramref name="zzpcode"/> (AW319 0413 as a number, 0 for 000) may go with this code.</summary>
    public bool AllowsZzp(int zzpcode) => IsSet(_zzp, zzpcode, ZzpCount);

    /// <summary>True when functiecode <paramref name="functiecode"/> (AW319 0412 as a number, 0 for 00) may go with this code.</summary>
    public bool AllowsFunctie(int functiecode) => IsSet(_functie, functiecode, FunctieCount);

    /// <summary>
    /// True when the pair is a combination the koppeltabel allows: each of the two is in its list (retourcode 1113 if not).
    /// </summary>
    public bool Allows(int functiecode, int zzpcode) => AllowsFunctie(functiecode) && AllowsZzp(zzpcode);

    private static void Fill(ulong[] bits, ReadOnlySpan<int> codes, int count)
    {
        if (codes.IsEmpty)
        {
            bits[0] = 1;
            return;
        }

        foreach (var code in codes)
        {
            if ((uint)code >= (uint)count)
            {
                throw new ArgumentException($"koppeltabel: code {code} is outside 0..{count - 1}.", nameof(codes));
            }

            bits[code >> 6] |= 1UL << (code & 63);
        }
    }

    // unchecked: a negative code wraps to a large number, so one comparison tests 0..count-1.
    private static bool IsSet(ulong[] bits, int code, int count) =>
        unchecked((uint)code < (uint)count) && (bits[code >> 6] & (1UL << (code & 63))) != 0;
}
