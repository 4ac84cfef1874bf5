using System.Globalization;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The dates a command line may name without <c>--allow-any-date</c>: from 2000-01-01 (before the Wlz and the AW319) to a
/// year after today (Europe/Amsterdam). A received date of 2090 or a run date of 1924 is a typo, not a plan.
/// </summary>
public static class DateWindow
{
    public static readonly DateOnly First = new(2000, 1, 1);

    public const string Description = "2000-01-01 .. today + 1 year";

    public static DateOnly Last(DateOnly today) => today.AddYears(1);

    /// <summary>Null when the date lies in the window, else the one-line message for the option.</summary>
    public static string? Check(string option, DateOnly date, DateOnly today, string written)
    {
        var last = Last(today);
        return date >= First && date <= last
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"--{option}: {written} is outside {First:yyyy-MM-dd} .. {last:yyyy-MM-dd}; check it, or give --allow-any-date to use it anyway");
    }
}
