namespace WlzMessaging.Funding;

/// <summary>
/// Exact money arithmetic in eurocents. A fraction (a werkvoorschot of J × 100 / 98 / 12, a cap of e × J / 12) is carried
/// exactly as an integer numerator and denominator and rounded once, at the end, half away from zero: floating point or
/// decimal intermediate steps would round more than once and could be a cent off.
/// </summary>
public static class CentsArithmetic
{
    /// <summary>numerator / denominator rounded to whole cents, half away from zero (2.5 → 3, −2.5 → −3).</summary>
    public static long DivideRounded(Int128 numerator, Int128 denominator)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The denominator must be positive.");
        }

        var (quotient, remainder) = Int128.DivRem(numerator, denominator);

        // Division truncates towards zero; the dropped fraction is |remainder| / denominator. At one half or more the result
        // moves one cent further from zero, in the direction of the numerator's sign.
        if (Int128.Abs(remainder) * 2 >= denominator)
        {
            quotient += Int128.Sign(numerator);
        }

        return checked((long)quotient);
    }

    /// <summary>value × multiplier / divisor with one rounding, half away from zero; the product cannot overflow.</summary>
    public static long MultiplyDivide(long value, long multiplier, long divisor) =>
        DivideRounded((Int128)value * multiplier, divisor);
}
