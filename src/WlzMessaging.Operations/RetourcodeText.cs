using System.Globalization;
using WlzMessaging.Vektis;

namespace WlzMessaging.Operations;

/// <summary>A stored retourcode as the views show it: four digits and its meaning (Retourcodes, specs/retourcodes.md).</summary>
internal static class RetourcodeText
{
    public static string Code(short code) => ((int)code).ToString("D4", CultureInfo.InvariantCulture);

    public static string Meaning(short code) =>
        code is > 0 and <= 9999 && Retourcodes.Meaning(new Retourcode((ushort)code)) is { } meaning
            ? meaning
            : "(code not known to this build)";
}
