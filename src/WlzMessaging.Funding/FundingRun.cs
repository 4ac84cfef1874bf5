namespace WlzMessaging.Funding;

/// <summary>
/// One run on the first of a month for every provider. <see cref="UnknownAgbs"/> lists AGB codes that appear in the inputs
/// but not among the providers: their money is not computed, so an operator must see them.
/// </summary>
public sealed record FundingRun(DateOnly RunDate, IReadOnlyList<ProviderRun> Providers, IReadOnlyList<string> UnknownAgbs)
{
    public ProviderRun For(string agb) =>
        Providers.FirstOrDefault(p => p.Agb == agb)
        ?? throw new KeyNotFoundException($"Provider {agb} is not in the run of {RunDate:yyyy-MM-dd}.");

    public long TotalPaymentCents => Providers.Sum(p => p.PaymentCents);

    /// <summary>
    /// The protocols the run computed with, as "vgz-wlz 2024 v1" per year (the year before the run's and the run's own):
    /// recorded with the run, so a protocol changed afterwards is seen not to be the one the run used.
    /// </summary>
    public IReadOnlyList<ProtocolUse> Protocols { get; init; } = [];
}
