using System.Globalization;

namespace WlzMessaging.Host.Operations;

/// <summary>Eurocents as text: for operators (€1,234.56) and, in Dutch notation, for providers (€ 1.234,56).</summary>
internal static class Money
{
    public static string Operator(long cents) =>
        (cents < 0 ? "-€" : "€") + (Math.Abs((decimal)cents) / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>Dutch notation without a culture (the build is globalization-invariant): thousands by '.', cents by ','.</summary>
    public static string Dutch(long cents)
    {
        var text = (Math.Abs((decimal)cents) / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
        var swapped = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch { ',' => '.', '.' => ',', var c => c };
            }
        });
        return (cents < 0 ? "-€ " : "€ ") + swapped;
    }

    /// <summary>Whole euros in Dutch notation, for chart labels.</summary>
    public static string DutchWhole(long cents)
    {
        var text = Math.Round(Math.Abs((decimal)cents) / 100m).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return (cents < 0 ? "-€ " : "€ ") + text;
    }
}
