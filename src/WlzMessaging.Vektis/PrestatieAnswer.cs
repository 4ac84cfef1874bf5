namespace WlzMessaging.Vektis;

/// <summary>The answer to one 04 line: what the zorgkantoor computes, what it grants (signed cents) and why.</summary>
public readonly record struct PrestatieAnswer(long BerekendBedragSigned, long ToegekendBedragSigned, RetourcodeSet Retourcodes)
{
    /// <summary>True when the line is granted in full (8001).</summary>
    public bool IsApproved => Retourcodes.Contains(Vektis.Retourcodes.VolledigToegewezen);
}
