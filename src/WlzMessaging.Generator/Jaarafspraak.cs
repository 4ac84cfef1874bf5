namespace WlzMessaging.Generator;

/// <summary>
/// A generated provider's annual production agreement (afspraken.csv): what its clients' care costs over a year, 3 % on
/// top, so the monthly cap of the advance runs (specs/funding.md) does not bite on steady production. It follows from the
/// clients × days × tariffs the generator plans, never from a figure of its own: the care planned for the file's period
/// (every line of every client of the provider, credits netted) scaled to the days of the year.
/// </summary>
internal static class Jaarafspraak
{
    /// <summary>The smallest agreement written: EUR 100,000 (a provider with hardly any clients still has a contract).</summary>
    public const long MinimumCents = 10_000_000;

    /// <summary>
    /// <paramref name="periodCents"/> planned over <paramref name="periodDays"/> days, scaled to <paramref name="year"/>,
    /// plus 3 %, rounded up to whole thousands of euros; at least <see cref="MinimumCents"/>.
    /// </summary>
    public static long FromPeriod(long periodCents, int periodDays, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodDays, 1);
        var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
        var annual = Math.Max(0, periodCents) * daysInYear / periodDays * 103 / 100;
        return Math.Max(MinimumCents, (annual + 99_999) / 100_000 * 100_000);
    }
}
