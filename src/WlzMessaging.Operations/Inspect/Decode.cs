using System.Globalization;
using System.Text;
using WlzMessaging.Reference;
using WlzMessaging.Vektis;

namespace WlzMessaging.Operations.Inspect;

/// <summary>
/// Turns field bytes into text a person can read, safely: non-printable bytes become '?', fields that are not numbers
/// become "?", and personal data is masked (<see cref="MaskedBsn"/>). Names, birth dates, addresses, verzekerden- and
/// patiëntnummers are never decoded at all.
/// </summary>
internal static class Decode
{
    /// <summary>Printable ASCII of an AN field, trailing spaces removed; any other byte shows as '?'.</summary>
    public static string Text(ReadOnlySpan<byte> field)
    {
        field = field.TrimEnd((byte)' ');
        return string.Create(field.Length, field.ToArray(), static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
            }
        });
    }

    /// <summary>The number of an N field zero-padded to its width, or "?" when the field is not all digits.</summary>
    public static string Number(long value, int width) =>
        value < 0 ? "?" : value.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A CCYYMMDD field as YYYY-MM-DD, or the (sanitised) bytes marked invalid.</summary>
    public static string Date(ReadOnlySpan<byte> field) =>
        VektisDate.TryParse(field, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"invalid({Text(field)})";

    /// <summary>
    /// A BSN with only its last three digits shown ("******782"): enough to tell clients in one file apart, not enough to
    /// identify anyone. Anything but nine digits is masked whole.
    /// </summary>
    public static string MaskedBsn(ReadOnlySpan<byte> field) =>
        field.Length == 9 && Numeric.IsDigits(field)
            ? "******" + Encoding.ASCII.GetString(field[6..])
            : "*********";

    /// <summary>The last three digits of a BSN, or null when the field is not nine digits.</summary>
    public static string? BsnLastThree(ReadOnlySpan<byte> field) =>
        field.Length == 9 && Numeric.IsDigits(field) ? Encoding.ASCII.GetString(field[6..]) : null;

    /// <summary>The elfproef of a nine-digit BSN field (Reference's one rule); false for anything that is not nine digits.</summary>
    public static bool PassesElfproef(ReadOnlySpan<byte> field) =>
        Elfproef.IsValidBsn(field);

    /// <summary>An unsigned amount field with its D/C byte: "7,604.30 D", or "?" when the amount is not a number.</summary>
    public static string Money(long cents, byte indicator) => cents < 0 ? "?" : $"{Operations.Money.Amount(cents)} {Indicator(indicator)}";

    /// <summary>Unsigned cents as euros ("245.30"), or "?" when the field is not a number.</summary>
    public static string Euros(long cents) => cents < 0 ? "?" : Operations.Money.Amount(cents);

    public static char Indicator(byte indicator) => indicator is DebetCredit.Debet or DebetCredit.Credit ? (char)indicator : '?';

    public static string Unit(int tijdseenheid) => tijdseenheid switch
    {
        1 => "minuut",
        4 => "uur",
        14 => "etmaal",
        16 => "dagdeel",
        81 => "tijdsonafhankelijk",
        < 0 => "?",
        _ => $"eenheid {tijdseenheid:D2}",
    };

    /// <summary>"8001 Declaratie(regel) is volledig toegewezen; 0435 BSN onjuist".</summary>
    public static string Codes(RetourcodeSet codes)
    {
        var parts = new List<string>(3);
        for (var i = 0; i < codes.Count; i++)
        {
            parts.Add($"{codes[i]} {Meaning(codes[i])}");
        }

        return string.Join("; ", parts);
    }

    public static string Meaning(Retourcode code) => Retourcodes.Meaning(code) ?? "(code unknown to this product)";

    public static string RecordName(RecordType type) => type switch
    {
        RecordType.Voorloop => "voorloop",
        RecordType.Verzekerde => "client",
        RecordType.Debiteur => "debiteur",
        RecordType.Prestatie => "line",
        RecordType.Commentaar => "comment",
        RecordType.Sluit => "sluit",
        _ => "unknown",
    };

    /// <summary>The two KENMERK RECORD bytes as read ("04", or "??" when they are not digits).</summary>
    public static string Kenmerk(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && Numeric.IsDigits(bytes[..2]) ? Encoding.ASCII.GetString(bytes[..2]) : "??";
}
