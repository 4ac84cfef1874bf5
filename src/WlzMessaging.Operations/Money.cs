using System.Globalization;

namespace WlzMessaging.Operations;

/// <summary>
/// Eurocents as text, the one formatter every output uses: euros with two decimals and thousands separators, with a sign
/// and '€' for operators (€1,234.56), in Dutch notation for providers (€ 1.234,56), or with the Vektis debet/credit
/// letter in the inspector (1,234.56 D). The build is globalization-invariant, so no culture is asked.
/// </summary>
public static class Money
{
    public static string Operator(long cents) => (cents < 0 ? "-€" : "€") + Amount(Math.Abs(cents));

    /// <summary>Dutch notation without a culture: thousands by '.', cents by ','.</summary>
    public static string Dutch(long cents) => (cents < 0 ? "-€ " : "€ ") + SwapSeparators(Amount(Math.Abs(cents)));

    /// <summary>Whole euros in Dutch notation, for chart labels.</summary>
    public static string DutchWhole(long cents)
    {
        var text = Math.Round(Math.Abs((decimal)cents) / 100m).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return (cents < 0 ? "-€ " : "€ ") + text;
    }

    /// <summary>Euros in a few characters for a bar's label (€ 1,2 mln, € 45k, € 3,4k, € 870), Dutch decimal comma.</summary>
    public static string DutchCompact(long cents)
    {
        var euros = cents / 100m;
        var abs = Math.Abs(euros);
        var text = abs >= 1_000_000m ? (euros / 1_000_000m).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " mln"
            : abs >= 10_000m ? (euros / 1_000m).ToString("0", CultureInfo.InvariantCulture) + "k"
            : abs >= 1_000m ? (euros / 1_000m).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + "k"
            : euros.ToString("0", CultureInfo.InvariantCulture);
        return "€ " + text;
    }

    /// <summary>
    /// Finance's notation of an amount that goes one way or the other: "+€1,234.56" paid to the provider, "-€1,234.56"
    /// recovered from it, "€0.00" neither.
    /// </summary>
    public static string Signed(long cents) => cents switch
    {
        > 0 => "+€" + Amount(cents),
        < 0 => "-€" + Amount(-cents),
        _ => "€" + Amount(0),
    };

    /// <summary>A signed amount as its magnitude with the Vektis letter: debet (D) when not negative, credit (C) when negative.</summary>
    public static string DebetCredit(long signedCents) => Amount(Math.Abs(signedCents)) + (signedCents < 0 ? " C" : " D");

    /// <summary>An amount without sign or currency: "7,604.30". <paramref name="cents"/> is not negative.</summary>
    public static string Amount(long cents) => (cents / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string SwapSeparators(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch { ',' => '.', '.' => ',', var c => c };
        }
    });
}
