using WlzMessaging.Reference;

namespace WlzMessaging.Funding;

/// <summary>The MNDP rows split into those that count and those that are reported and left out.</summary>
public sealed record MndpValidationResult(IReadOnlyList<MndpRow> Accepted, IReadOnlyList<RejectedMndpRow> Rejected)
{
    public IReadOnlyList<MndpAmount> AcceptedAmounts => Accepted.Select(r => r.ToAmount()).ToArray();
}
