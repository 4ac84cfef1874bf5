namespace WlzMessaging.Vektis;

/// <summary>What an AW320 says in sum: rejected as a whole or not, lines, lines approved, net totals in cents.</summary>
public readonly record struct Aw320Summary(bool Rejected, long Lines, long Approved, long NetIngediend, long NetToegekend)
{
    public long RejectedLines => Lines - Approved;
}
