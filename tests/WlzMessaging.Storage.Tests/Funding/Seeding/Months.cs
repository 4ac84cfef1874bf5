using System.Globalization;

namespace WlzMessaging.Testing.Funding;

/// <summary>Dates for the runs of a test: "2024-03-01" and the first of every month between two of them.</summary>
public static class Months
{
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IEnumerable<DateOnly> From(string first, string last)
    {
        for (var month = Day(first); month <= Day(last); month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
