namespace WlzMessaging.Vektis;

/// <summary>Dates in Vektis files: eight digits CCYYMMDD. All zeros means "no date" where a field is optional.</summary>
public static class VektisDate
{
    /// <summary>Parses CCYYMMDD into a <see cref="DateOnly"/>; false for non-digits, zeros or a day that does not exist.</summary>
    public static bool TryParse(ReadOnlySpan<byte> field, out DateOnly date)
    {
        date = default;
        if (field.Length != 8 || !Numeric.TryParse(field, out var n))
        {
            return false;
        }

        var year = (int)(n / 10000);
        var month = (int)(n / 100 % 100);
        var day = (int)(n % 100);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Writes CCYYMMDD into an 8-byte destination.</summary>
    public static void Format(DateOnly date, Span<byte> destination) =>
        Numeric.TryFormat(date.Year * 10000L + date.Month * 100 + date.Day, destination[..8]);
}
