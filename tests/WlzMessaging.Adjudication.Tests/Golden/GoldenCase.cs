using WlzMessaging.Adjudication.Tests.Support;

namespace WlzMessaging.Adjudication.Tests.Golden;

/// <summary>
/// One golden file pair in testdata/rules: the AW319 a builder writes, the history and received date it is judged with, and
/// what the answer must say record by record, written by hand from the catalogue (so the golden AW320 is checked, not just
/// repeated).
/// </summary>
internal sealed record GoldenCase(string Name, Aw319Builder File, History History, DateOnly Received, string Voorloop, IReadOnlyList<Expected> Records)
{
    /// <summary>Judged with testdata/rules/toewijzingen as well (rules L20 and L21 apply only when toewijzingen are known).</summary>
    public bool WithToewijzingen { get; init; }

    public override string ToString() => Name;
}

/// <summary>The answer expected on one detail record: its type, its codes and, on a 04, 0481 BEREKEND BEDRAG (signed).</summary>
internal sealed record Expected(string Type, string Codes, long Berekend = 0)
{
    public static Expected Client(string codes = "0200") => new("02", codes);

    public static Expected Line(string codes, long berekend) => new("04", codes, berekend);

    public static Expected Comment(string codes = "0200") => new("98", codes);
}
