namespace WlzMessaging.Reference;

/// <summary>One version of a contracted tariff: in force for files received on or after <see cref="IngevoerdOp"/>.</summary>
public readonly record struct TariefVersion(DateOnly IngevoerdOp, long TariefCent);

/// <summary>What the tariff lookup found for an agb, year and prestatiecode on a received date.</summary>
public enum TariefStatus
{
    /// <summary>No tariff row at all for that agb, year and prestatiecode: the prestatie is not agreed (retourcode 8226).</summary>
    NotAgreed = 0,

    /// <summary>
    /// The prestatie is agreed, but every tariff row was entered after the received date, so no contracted tariff was in
    /// force when the file arrived; the adjudicator decides what that means (e.g. 0611).
    /// </summary>
    NotYetInForce = 1,

    /// <summary>A tariff was in force: the one with the latest ingevoerd_op on or before the received date.</summary>
    InForce = 2,
}
