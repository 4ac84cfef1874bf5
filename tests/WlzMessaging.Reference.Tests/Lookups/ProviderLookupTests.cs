using static WlzMessaging.Reference.Tests.SampleData;

namespace WlzMessaging.Reference.Tests.Lookups;

public class ProviderLookupTests
{
    [Fact]
    public void A_provider_is_found_by_its_agb_with_regime_and_crisis_agreement()
    {
        Assert.True(Snapshot.TryGetProvider(AanZee, out var aanZee));
        Assert.Equal(Regime.Achteraf, aanZee.Regime);
        Assert.False(aanZee.Crisisafspraak);

        Assert.True(Snapshot.TryGetProvider(HetBaken, out var hetBaken));
        Assert.Equal(Regime.Werkvoorschot, hetBaken.Regime);
        Assert.True(hetBaken.Crisisafspraak);
    }

    [Fact]
    public void An_unknown_agb_finds_no_provider()
    {
        Assert.False(Snapshot.TryGetProvider(73730009, out var provider));
        Assert.Null(provider);
    }
}
