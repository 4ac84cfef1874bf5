namespace WlzMessaging.Generator;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast, well-mixed PRNG whose algorithm is fixed here, so a seed gives
/// the same file on every .NET version (System.Random's algorithm is an implementation detail that may change).
/// A value type: copying it forks the stream.
/// </summary>
public struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>
    /// An independent stream for one (seed, key, salt) triple, e.g. one client: its values do not depend on how many
    /// values other streams drew.
    /// </summary>
    // The algorithm is arithmetic modulo 2^64: every multiply and add below wraps on purpose (unchecked, also in Debug).
    public static SplitMix64 ForKey(ulong seed, ulong key, ulong salt) => new(Mix(seed ^ Mix(unchecked((key * Gamma) + salt))));

    /// <summary>The SplitMix64 finaliser: a bijective scramble of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    public ulong NextUInt64()
    {
        _state = unchecked(_state + Gamma);
        return Mix(_state);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>) by multiply-shift (Lemire), without division.</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 1)
        {
            NextUInt64();
            return 0;
        }

        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>A value in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>True with a probability of <paramref name="perMille"/> in a thousand (integers: no floating point).</summary>
    public bool Chance(int perMille) => Next(1000) < perMille;
}
