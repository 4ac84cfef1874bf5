using System.Globalization;

namespace WlzMessaging.Funding.Tests;

/// <summary>Dates written as in the spec: Day.Of("2024-03-01").</summary>
internal static class Day
{
    public static DateOnly Of(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first of every month from the first run to the last, inclusive.</summary>
    public static IEnumerable<DateOnly> Months(string first, string last)
    {
        for (var date = Of(first); date <= Of(last); date = date.AddMonths(1))
        {
            yield return date;
        }
    }
}
