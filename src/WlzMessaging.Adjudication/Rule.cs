using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication;

/// <summary>One row of the rule catalogue (specs/rules.md): its id, level and the retourcodes it gives.</summary>
public sealed class Rule
{
    internal Rule(string id, RuleLevel level, params Retourcode[] codes)
    {
        Id = id;
        Level = level;
        Codes = Array.AsReadOnly(codes);
        Retourcode = codes.Length > 0 ? codes[0] : default;
    }

    /// <summary>F01, C01, L01 … as in specs/rules.md.</summary>
    public string Id { get; }

    public RuleLevel Level { get; }

    /// <summary>The codes the rule gives; none for a rule that only reports (R01, R02).</summary>
    public IReadOnlyList<Retourcode> Codes { get; }

    /// <summary>The code the rule gives (every rejecting rule has exactly one); default for a reporting rule.</summary>
    /// <remarks>A plain property: the adjudicator reads it on the hot path.</remarks>
    public Retourcode Retourcode { get; }

    /// <summary>False for a rule that is reported but rejects nothing.</summary>
    public bool Rejects => Codes.Count > 0;

    public override string ToString() => Id;
}
