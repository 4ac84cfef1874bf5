using System.Text;

namespace WlzMessaging.Generator;

/// <summary>
/// Made-up surnames (two syllables glued together) and provider names: no list of real people's names is used.
/// </summary>
internal static class SyntheticNames
{
    private static readonly string[] s_first =
        ["Berk", "Dal", "Hoog", "Ven", "Wil", "Kor", "Maas", "Zand", "Vlier", "Ros", "Eik", "Molen", "Brug", "Lin", "Haz", "Ter"];

    private static readonly string[] s_second =
        ["huis", "man", "dijk", "veld", "stra", "ink", "hof", "beek", "kamp", "ers", "horst", "rade", "mond", "loo", "weg", "bosch"];

    private static readonly string[] s_prefixes = ["van", "de", "van der", "van den", "ter", "in 't", "van de", "den"];

    private static readonly byte[][] s_surnames = Build();

    private static readonly byte[][] s_prefixBytes = s_prefixes.Select(Encoding.Latin1.GetBytes).ToArray();

    public static int SurnameCount => s_surnames.Length;

    public static int PrefixCount => s_prefixBytes.Length;

    public static ReadOnlySpan<byte> Surname(int index) => s_surnames[index];

    public static ReadOnlySpan<byte> Prefix(int index) => s_prefixBytes[index];

    public static string Provider(int index) =>
        $"Zorggroep {s_first[index % s_first.Length]}{s_second[index / s_first.Length % s_second.Length]}" +
        (index >= s_first.Length * s_second.Length ? $" {index / (s_first.Length * s_second.Length) + 1}" : "");

    private static byte[][] Build()
    {
        var list = new List<byte[]>();
        foreach (var a in s_first)
        {
            foreach (var b in s_second)
            {
                list.Add(Encoding.Latin1.GetBytes(a + b));
            }
        }

        return [.. list];
    }
}
