using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The rules of specs/rules.md in code: the adjudicator takes every code it gives from here, and a test holds this list and
/// the tables of the spec to the same ids, levels and codes, both ways.
/// </summary>
public static class RuleCatalogue
{
    // File: F01 is the reader's (VektisReaderOptions.ExpectedUzovi), F02 storage's (FileRules.Factuurnummer).
    public static readonly Rule F01 = new("F01", RuleLevel.File, Retourcodes.UzoviNummerOnjuist);
    public static readonly Rule F02 = new("F02", RuleLevel.File, Retourcodes.FactuurnummerNietUniek);

    public static readonly Rule C01 = new("C01", RuleLevel.Client, Retourcodes.BsnOnjuist);
    public static readonly Rule C02 = new("C02", RuleLevel.Client, Retourcodes.DatumGeboorteOnjuist);
    public static readonly Rule C03 = new("C03", RuleLevel.Client, Retourcodes.GeslachtOnjuist);

    public static readonly Rule L01 = new("L01", RuleLevel.Line, Retourcodes.DatumPrestatieOnjuist);
    public static readonly Rule L01a = new("L01a", RuleLevel.Line, Retourcodes.PrestatiedatumNaFactuurdatum);
    public static readonly Rule L01b = new("L01b", RuleLevel.Line, Retourcodes.BegindatumNaFactuurdatum);
    public static readonly Rule L01c = new("L01c", RuleLevel.Line, Retourcodes.EinddatumNaFactuurdatum);
    public static readonly Rule L02 = new("L02", RuleLevel.Line, Retourcodes.PrestatiecodelijstOnjuist);
    public static readonly Rule L03 = new("L03", RuleLevel.Line, Retourcodes.PrestatiecodeOnjuist);
    public static readonly Rule L04 = new("L04", RuleLevel.Line, Retourcodes.FunctiecodeZzpOnjuist);
    public static readonly Rule L05 = new("L05", RuleLevel.Line, Retourcodes.BerekendBedragOnjuist);
    public static readonly Rule L05a = new("L05a", RuleLevel.Line, Retourcodes.IndicatieDebetCreditOnjuist);
    public static readonly Rule L06 = new("L06", RuleLevel.Line, Retourcodes.ReferentienummerNietUniekInBestand);
    public static readonly Rule L07 = new("L07", RuleLevel.Line, Retourcodes.ReferentienummerNietUniek);
    public static readonly Rule L08 = new("L08", RuleLevel.Line, Retourcodes.CreditZonderReferentie);
    public static readonly Rule L09 = new("L09", RuleLevel.Line, Retourcodes.CrediteringZonderDebitering);
    public static readonly Rule L10 = new("L10", RuleLevel.Line, Retourcodes.DebetAlGecrediteerd);
    public static readonly Rule L11 = new("L11", RuleLevel.Line, Retourcodes.DebetEnCreditInZelfdeBestand);
    public static readonly Rule L12 = new("L12", RuleLevel.Line, Retourcodes.ReedsEerderIngediend);
    public static readonly Rule L12a = new("L12a", RuleLevel.Line, Retourcodes.OverlaptGoedgekeurdeDebetregel);
    public static readonly Rule L13 = new("L13", RuleLevel.Line, Retourcodes.DeclaratiejaarAfgesloten);
    public static readonly Rule L14 = new("L14", RuleLevel.Line, Retourcodes.GeenMaz);
    public static readonly Rule L15 = new("L15", RuleLevel.Line, Retourcodes.BuitenMazMez);
    public static readonly Rule L16 = new("L16", RuleLevel.Line, Retourcodes.NietConformProductieafspraak);
    public static readonly Rule L17 = new("L17", RuleLevel.Line, Retourcodes.GeenMeerzorgbeschikking);
    public static readonly Rule L18 = new("L18", RuleLevel.Line, Retourcodes.TariefOnjuist);
    public static readonly Rule L19 = new("L19", RuleLevel.Line, Retourcodes.TariefOnjuist);

    // Per toewijzing (ToewijzingRules), only when the snapshot holds toewijzingen.
    public static readonly Rule L20 = new("L20", RuleLevel.Line, Retourcodes.GeenMachtiging);
    public static readonly Rule L21 = new("L21", RuleLevel.Line, Retourcodes.BuitenGemachtigdePeriode);

    // Reported, not rejected: lateness of the file (FileRules.IsLaat) and the time to answer, measured by the worker.
    public static readonly Rule R01 = new("R01", RuleLevel.File);
    public static readonly Rule R02 = new("R02", RuleLevel.File);

    /// <summary>Every rule, in the order of the catalogue.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        F01, F02, C01, C02, C03,
        L01, L01a, L01b, L01c, L02, L03, L04, L05, L05a, L06, L07, L08, L09, L10, L11, L12, L12a, L13, L14, L15, L16, L17, L18, L19, L20, L21,
        R01, R02,
    ];

    /// <summary>The line rules in the order they are applied.</summary>
    public static IReadOnlyList<Rule> LineRules { get; } = All.Where(r => r.Level == RuleLevel.Line).ToArray();

    // The flag of each line rule, by the rule's id (the enum's names are the ids).
    private static readonly LineRules[] s_lineFlags = LineRules.Select(r => Enum.Parse<LineRules>(r.Id)).ToArray();

    /// <summary>The rule with this id.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that id.</exception>
    public static Rule Get(string id) =>
        All.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"No rule {id} in the catalogue.");

    /// <summary>The line rules named by <paramref name="fired"/>, in catalogue order (for reports, not the hot path).</summary>
    public static IEnumerable<Rule> Of(LineRules fired)
    {
        for (var i = 0; i < LineRules.Count; i++)
        {
            if ((fired & s_lineFlags[i]) != 0)
            {
                yield return LineRules[i];
            }
        }
    }
}
