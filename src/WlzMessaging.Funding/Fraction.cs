namespace WlzMessaging.Funding;

/// <summary>
/// An exact positive fraction such as the werkvoorschot factor 100/98: kept as two whole numbers so that J × 100 / 98 / 12
/// is rounded once, at the end (<see cref="CentsArithmetic"/>).
/// </summary>
public readonly record struct Fraction
{
    public Fraction(long numerator, long denominator)
    {
        if (numerator <= 0 || denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"{numerator}/{denominator} is not a positive fraction.");
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public long Numerator { get; }

    public long Denominator { get; }

    /// <summary>Reads "100/98" (or a whole number "1"); false for anything else.</summary>
    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var numeratorText = slash < 0 ? text : text[..slash];
        var denominatorText = slash < 0 ? "1" : text[(slash + 1)..];
        if (!long.TryParse(numeratorText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numerator)
            || !long.TryParse(denominatorText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var denominator)
            || numerator <= 0 || denominator <= 0 || numerator > 1_000_000 || denominator > 1_000_000)
        {
            return false;
        }

        fraction = new Fraction(numerator, denominator);
        return true;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
