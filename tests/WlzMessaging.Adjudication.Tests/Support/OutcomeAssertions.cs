using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>Assertions that read like the catalogue: a rule fired (its code in the slots), or the line was approved.</summary>
internal static class OutcomeAssertions
{
    /// <summary>The rule fired, its code is in the slots, and the line was rejected with nothing granted.</summary>
    public static void Fires(this LineOutcome line, LineRules rule)
    {
        Assert.True((line.Fired & rule) == rule, $"expected {rule} to fire, fired: {line.Fired}");
        Assert.False(line.Approved);
        Assert.Equal(0, line.ToegekendBedragSigned);
        var catalogued = RuleCatalogue.Get(rule.ToString());
        Assert.True(line.Retourcodes.Contains(catalogued.Retourcode) || line.Retourcodes.Count == 3,
            $"expected {catalogued.Retourcode} among {line.Retourcodes}");
    }

    /// <summary>Exactly this rule fired and its code is the only one on the line.</summary>
    public static void FiresOnly(this LineOutcome line, LineRules rule)
    {
        line.Fires(rule);
        Assert.Equal(rule, line.Fired);
        Assert.Equal(new RetourcodeSet(RuleCatalogue.Get(rule.ToString()).Retourcode), line.Retourcodes);
    }

    /// <summary>The line was approved in full: 8001 alone, nothing fired, the declared amount granted with its sign.</summary>
    public static void IsApproved(this LineOutcome line)
    {
        Assert.True(line.Approved, $"expected approval, got {line.Retourcodes} ({line.Fired})");
        Assert.Equal(LineRules.None, line.Fired);
        Assert.Equal(new RetourcodeSet(Retourcodes.VolledigToegewezen), line.Retourcodes);
        Assert.Equal(line.DeclaratiebedragSigned, line.ToegekendBedragSigned);
    }

    public static void HasCodes(this LineOutcome line, string codes) => Assert.Equal(codes, line.Retourcodes.ToString());
}
