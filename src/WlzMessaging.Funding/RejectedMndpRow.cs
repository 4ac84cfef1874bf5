using WlzMessaging.Reference;

namespace WlzMessaging.Funding;

/// <summary>An MNDP row that does not count, with the reason and a sentence an operator can act on.</summary>
public sealed record RejectedMndpRow(MndpRow Row, MndpRejectionReason Reason, string Explanation);
