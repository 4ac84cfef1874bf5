namespace WlzMessaging.Adjudication;

/// <summary>
/// Dutch working days: Monday to Friday, less the public holidays (algemeen erkende feestdagen). The CZ page asks for
/// declarations within 17 working days after the month; this calendar counts them.
/// </summary>
/// <remarks>
/// Holidays counted: Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag (27 April, 26 April when the 27th is a
/// Sunday), Bevrijdingsdag (5 May, every year: decision, as many employers in care give it), Hemelvaartsdag, Tweede
/// Pinksterdag, Eerste and Tweede Kerstdag. Easter and Pentecost Sunday fall on Sundays and need no rule.
/// </remarks>
public static class Werkdagen
{
    /// <summary>True on a weekday that is not a Dutch public holiday.</summary>
    public static bool IsWerkdag(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsFeestdag(date);

    /// <summary>The date that is <paramref name="count"/> working days after <paramref name="date"/> (not counting it).</summary>
    public static DateOnly AddWerkdagen(DateOnly date, int count)
    {
        var current = date;
        var left = count;
        while (left > 0)
        {
            current = current.AddDays(1);
            if (IsWerkdag(current))
            {
                left--;
            }
        }

        return current;
    }

    /// <summary>
    /// Whether a file received on <paramref name="received"/> that declares care up to <paramref name="periodEnd"/> is
    /// late: more than <paramref name="allowed"/> working days after the end of that month.
    /// </summary>
    public static bool IsLaat(DateOnly periodEnd, DateOnly received, int allowed = 17)
    {
        var endOfMonth = new DateOnly(periodEnd.Year, periodEnd.Month, DateTime.DaysInMonth(periodEnd.Year, periodEnd.Month));
        return received > AddWerkdagen(endOfMonth, allowed);
    }

    public static bool IsFeestdag(DateOnly date)
    {
        var (year, month, day) = (date.Year, date.Month, date.Day);
        if ((month, day) is (1, 1) or (5, 5) or (12, 25) or (12, 26))
        {
            return true;
        }

        var koningsdag = new DateOnly(year, 4, 27);
        if (koningsdag.DayOfWeek == DayOfWeek.Sunday)
        {
            koningsdag = koningsdag.AddDays(-1);
        }

        if (date == koningsdag)
        {
            return true;
        }

        var pasen = Paaszondag(year);
        return date == pasen.AddDays(-2) // Goede Vrijdag
            || date == pasen.AddDays(1) // Tweede Paasdag
            || date == pasen.AddDays(39) // Hemelvaartsdag
            || date == pasen.AddDays(50); // Tweede Pinksterdag
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly Paaszondag(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
