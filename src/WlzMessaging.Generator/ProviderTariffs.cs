namespace WlzMessaging.Generator;

/// <summary>
/// Each provider's contracted tariffs: the catalogue's base tariff times a factor of its own between 0.97 and 1.03,
/// drawn from its PRNG stream (so provider 0 has the same tariffs whatever the number of providers).
/// </summary>
internal static class ProviderTariffs
{
    private const ulong Salt = 0x_7A_21_FF;

    public static int[] For(ulong seed, int providerIndex)
    {
        var rng = SplitMix64.ForKey(seed, (ulong)providerIndex, Salt);
        var catalogue = PrestatieCatalog.All;
        var tariffs = new int[catalogue.Count];
        for (var i = 0; i < tariffs.Length; i++)
        {
            var perMille = rng.Between(970, 1030);
            tariffs[i] = (int)Math.Max(1, ((long)catalogue[i].BaseTariefCent * perMille + 500) / 1000);
        }

        return tariffs;
    }
}
