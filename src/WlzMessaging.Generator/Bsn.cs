namespace WlzMessaging.Generator;

/// <summary>
/// The synthetic burgerservicenummers the generator uses (each passes Reference's <see cref="Reference.Elfproef"/>). Generated BSNs all start with 9:
/// issued BSNs do not (yet) start with 9, and the Dutch test environments use 9-numbers, so a generated number is
/// recognisable at a glance and never a real person's.
/// </summary>
public static class Bsn
{
    /// <summary>How many distinct synthetic BSNs <see cref="Synthetic"/> can give.</summary>
    public const int MaxSynthetic = 9_000_000;

    private const int Block = 1_000_000;

    /// <summary>
    /// The synthetic BSN of client <paramref name="index"/> (0 ≤ index &lt; <see cref="MaxSynthetic"/>): distinct for
    /// distinct indexes, starting with 9, passing the elfproef. Digits 2-7 are a seed-dependent permutation of
    /// index mod 10^6; digit 8 is the (index / 10^6)-th value that lets the check digit be a single digit.
    /// </summary>
    public static int Synthetic(long index, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxSynthetic);

        var block = (int)(index / Block);
        var scrambled = ((index % Block) * 777_781 + (long)(seed % Block)) % Block;

        // d1 = 9, d2..d7 = the six digits of scrambled.
        var prefix = 9 * 1_000_000 + (int)scrambled;
        var sum = 0;
        var rest = prefix;
        for (var weight = 3; weight <= 9; weight++)
        {
            sum += weight * (rest % 10);
            rest /= 10;
        }

        var found = -1;
        for (var d8 = 0; d8 <= 9; d8++)
        {
            var check = (sum + 2 * d8) % 11;
            if (check <= 9 && ++found == block)
            {
                return (prefix * 10 + d8) * 10 + check;
            }
        }

        // Unreachable: 2·d8 runs through ten distinct residues mod 11, so at most one d8 gives check digit 10.
        throw new InvalidOperationException("no check digit");
    }
}
