namespace WlzMessaging.Funding;

/// <summary>
/// An accepted MNDP amount: counts in the production of <paramref name="Year"/> of every run after
/// <paramref name="IngediendOp"/>, capped or exempt like its prestatie. Storage may sum accepted rows per provider, year,
/// prestatie and ingediend_op.
/// </summary>
public sealed record MndpAmount(string Agb, int Year, string Prestatiecode, long AmountCents, DateOnly IngediendOp);
