namespace WlzMessaging.Generator;

/// <summary>
/// How the clients beyond the file's own are shared among the other providers: unevenly, as in a real region, where a few
/// large organisations care for thousands of clients and many small ones for a few dozen. Each other provider draws a
/// weight from its own PRNG stream, roughly log-uniform over a factor of <see cref="Spread"/> (an integer 1000-1999 shifted
/// left by 0-5 bits: integer arithmetic, so the same seed gives the same shares on every platform), and gets a contiguous
/// block of clients in proportion to it. A provider's agreement then follows from its clients (specs/reference-data.md,
/// "Generated data").
/// </summary>
internal sealed class ProviderSizes
{
    /// <summary>The largest weight over the smallest, at most: 1999 × 32 / 1000.</summary>
    public const int Spread = 64;

    private const ulong Salt = 0x_51_2E_5A;

    /// <summary>For other provider p (1-based), the index (among the clients beyond the file's) after its last client.</summary>
    private readonly long[] _ends;

    public ProviderSizes(ulong seed, int providers, long otherClients)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(providers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(otherClients);
        var others = providers - 1;
        var weights = new long[others];
        long total = 0;
        for (var p = 0; p < others; p++)
        {
            var rng = SplitMix64.ForKey(seed, (ulong)(p + 1), Salt);
            weights[p] = (1000L + rng.Next(1000)) << rng.Next(6);
            total += weights[p];
        }

        // Cumulative shares, rounded down; the last provider ends at the last client. At most 99,999 × 63,968 weight and
        // 9,000,000 clients: the products stay far below 2^63.
        _ends = new long[others];
        long cumulative = 0;
        for (var p = 0; p < others; p++)
        {
            cumulative += weights[p];
            _ends[p] = p == others - 1 ? otherClients : otherClients * cumulative / total;
        }
    }

    /// <summary>The provider (1 .. providers-1) of the <paramref name="k"/>-th client beyond the file's own.</summary>
    public int ProviderOf(long k)
    {
        // The first provider whose block ends after k.
        int lo = 0, hi = _ends.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ends[mid] > k)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo + 1;
    }
}
