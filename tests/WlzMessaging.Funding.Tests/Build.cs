namespace WlzMessaging.Funding.Tests;

/// <summary>Short builders for the edge-case tests: one provider unless a test says otherwise.</summary>
internal static class Build
{
    public const string Agb = "42000002";

    public static Provider Provider(Regime regime = Regime.Werkvoorschot, bool crisisafspraak = false, string agb = Agb) =>
        new(agb, regime, crisisafspraak);

    public static Jaarafspraak Jaarafspraak(int year, long cents, string? geldigVanaf = null, string agb = Agb) =>
        new(agb, year, cents, Day.Of(geldigVanaf ?? $"{year}-01-01"));

    public static ReceivedProduction Received(int year, string receivedOn, long nonExempt, long exempt = 0, string agb = Agb) =>
        new(agb, year, Day.Of(receivedOn), nonExempt, exempt);

    public static FundingInputs Inputs(
        Provider? provider = null,
        IReadOnlyList<Jaarafspraak>? jaarafspraken = null,
        IReadOnlyList<ReceivedProduction>? production = null) => new()
        {
            Providers = [provider ?? Provider()],
            Jaarafspraken = jaarafspraken ?? [Jaarafspraak(2024, 120_000_000)],
            Production = production ?? [],
        };
}
