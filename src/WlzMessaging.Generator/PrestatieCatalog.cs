using System.Text;

namespace WlzMessaging.Generator;

/// <summary>
/// One prestatie of the generator's sample koppeltabel: the code, the ZZP code it goes with (0 for none), its unit as a
/// 0419 TIJDSEENHEID value, its prestatiegroep, a base tariff in cents and whether it is one of the exempt prestaties
/// (never capped in funding).
/// </summary>
public sealed record GeneratedPrestatie(
    string Code,
    string Omschrijving,
    int ZzpCode,
    int Tijdseenheid,
    int Prestatiegroep,
    int BaseTariefCent,
    bool Exempt)
{
    internal byte[] CodeBytes { get; } = Encoding.ASCII.GetBytes(Code.PadRight(5));
}

/// <summary>
/// The prestaties the generator declares. The codes follow the pattern of the real list (Z015 = ZZP 1VV, V015 = VPT 1VV):
/// ZnnN for ZZP nVV, VnnN for VPT nVV, levels 4-10 (the levels still indicated); ZZP codes (0413) are 004-010 for 4VV-10VV.
/// This is a sample of the project's own making, not the Vektis table; tariffs are round 2024-like figures.
/// </summary>
public static class PrestatieCatalog
{
    public const int LowestLevel = 4;
    public const int HighestLevel = 10;

    /// <summary>0419 values.</summary>
    public const int Minuut = 1;
    public const int Uur = 4;
    public const int Etmaal = 14;
    public const int Tijdsonafhankelijk = 81;

    private static readonly int[] s_zzpTarief = [19_480, 24_530, 23_460, 29_470, 33_520, 30_510, 37_480];
    private static readonly int[] s_vptTarief = [17_020, 21_540, 20_480, 26_010, 30_020, 27_030, 33_490];

    /// <summary>Every prestatie, in a fixed order (the index is used by the generator's plans).</summary>
    public static IReadOnlyList<GeneratedPrestatie> All { get; } = Build();

    internal const int FirstZzp = 0;
    internal const int FirstVpt = 7;
    internal const int H126 = 14;
    internal const int H300 = 15;
    internal const int F125 = 16;
    internal const int M001 = 17;
    internal const int M002 = 18;
    internal const int I001 = 19;
    internal const int I002 = 20;
    internal const int Zmz01 = 21;

    /// <summary>The catalogue index of the ZZP (or VPT) day prestatie of a level 4-10.</summary>
    internal static int DayPrestatie(bool vpt, int level) => (vpt ? FirstVpt : FirstZzp) + level - LowestLevel;

    private static GeneratedPrestatie[] Build()
    {
        var list = new List<GeneratedPrestatie>();
        for (var level = LowestLevel; level <= HighestLevel; level++)
        {
            list.Add(new GeneratedPrestatie($"Z{level:D2}5", $"ZZP {level}VV (excl. behandeling, incl. dagbesteding)", level, Etmaal, 36, s_zzpTarief[level - LowestLevel], false));
        }

        for (var level = LowestLevel; level <= HighestLevel; level++)
        {
            list.Add(new GeneratedPrestatie($"V{level:D2}5", $"VPT {level}VV", level, Etmaal, 39, s_vptTarief[level - LowestLevel], false));
        }

        list.Add(new GeneratedPrestatie("H126", "Persoonlijke verzorging", 0, Minuut, 6, 112, false));
        list.Add(new GeneratedPrestatie("H300", "Begeleiding", 0, Minuut, 7, 98, false));
        list.Add(new GeneratedPrestatie("F125", "Dagactiviteit", 0, Uur, 8, 1_540, false));
        list.Add(new GeneratedPrestatie("M001", "Extreme kosten van zorggebonden materiaal", 0, Tijdsonafhankelijk, 20, 36_500, true));
        list.Add(new GeneratedPrestatie("M002", "Extreme kosten van geneesmiddelen", 0, Tijdsonafhankelijk, 20, 21_800, true));
        list.Add(new GeneratedPrestatie("I001", "Inrichtingskosten bij gedwongen verhuizing, eenpersoonswoning", 0, Tijdsonafhankelijk, 20, 581_500, true));
        list.Add(new GeneratedPrestatie("I002", "Inrichtingskosten bij gedwongen verhuizing", 0, Tijdsonafhankelijk, 20, 322_000, true));
        list.Add(new GeneratedPrestatie("ZMZ01", "ZZP-Meerzorg", 0, Etmaal, 31, 9_450, true));
        return [.. list];
    }
}
