namespace WlzMessaging.Adjudication;

/// <summary>
/// The facts of one file that every line is judged against and that the lines themselves do not carry.
/// </summary>
/// <param name="Received">
/// The date the file arrived in the mailbox. Every "not in the future", cutoff and tariff-in-force check uses it, never the
/// clock, so a file processed again gets the answer it got the first time.
/// </param>
/// <param name="Instellingscode">The provider: the AGB code in 0112 of the voorlooprecord.</param>
/// <param name="IsTestFile">0105 = T: the lines are judged in full, but storage never makes them history.</param>
public readonly record struct AdjudicationContext(DateOnly Received, int Instellingscode, bool IsTestFile);
