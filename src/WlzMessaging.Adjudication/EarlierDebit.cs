namespace WlzMessaging.Adjudication;

/// <summary>What an approved, uncredited debit line of an earlier file says about a new debit line of the same client and
/// prestatiecode (specs/rules.md, L12 and L12a).</summary>
internal enum EarlierDebit
{
    /// <summary>No such line shares a day with the new one.</summary>
    None,

    /// <summary>One shares a day with it, but is not the same line (8216).</summary>
    Overlapping,

    /// <summary>One has the same period and the same declared amount: the line declared again under a new 0431 (8067).</summary>
    Identical,
}
