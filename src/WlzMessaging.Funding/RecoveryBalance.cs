namespace WlzMessaging.Funding;

/// <summary>What a provider still owes for recoveries of one year (positive).</summary>
public sealed record RecoveryBalance(int Year, long AmountCents);
