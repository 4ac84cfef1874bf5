using System.Globalization;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// A command line after parsing (<see cref="WlzCommandLine"/>): positionals and option values by name (without the leading
/// dashes), with typed accessors that turn a malformed value into a <see cref="UsageException"/> naming the option. Dates
/// and months are checked against the <see cref="DateWindow"/> unless <c>--allow-any-date</c> was given.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options;
    private readonly TimeProvider _clock;

    public CommandArguments(IReadOnlyList<string> positionals, Dictionary<string, string?> options, TimeProvider? clock = null)
    {
        Positionals = positionals;
        _options = options;
        _clock = clock ?? TimeProvider.System;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary><c>--verbose</c>: a failure shows its stack trace; a command may say more.</summary>
    public bool Verbose => Has("verbose");

    /// <summary><c>--quiet</c>: no progress lines.</summary>
    public bool Quiet => Has("quiet");

    /// <summary>True when the flag or option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of an option, or null when it was not given.</summary>
    public string? Value(string name) => _options.GetValueOrDefault(name);

    public string? Positional(int index) => index < Positionals.Count ? Positionals[index] : null;

    public long? Int64(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        var digits = text.Replace("_", "", StringComparison.Ordinal);
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"--{name}: '{text}' is not a whole number");
        }

        if (value < min || value > max)
        {
            throw new UsageException($"--{name}: {value} is out of range ({min}..{max})");
        }

        return value;
    }

    public int? Int32(string name, int min = int.MinValue, int max = int.MaxValue) => (int?)Int64(name, min, max);

    public ulong? UInt64(string name)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name}: '{text}' is not a whole number from 0 to {ulong.MaxValue}");
    }

    /// <summary>A date written YYYY-MM-DD.</summary>
    public DateOnly? Date(string name)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? InWindow(name, date, text)
            : throw new UsageException($"--{name}: '{text}' is not a date YYYY-MM-DD");
    }

    /// <summary>A month written YYYY-MM, as its first day.</summary>
    public DateOnly? Month(string name)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? InWindow(name, date, text)
            : throw new UsageException($"--{name}: '{text}' is not a month YYYY-MM");
    }

    private DateOnly InWindow(string name, DateOnly date, string text) =>
        !Has("allow-any-date") && DateWindow.Check(name, date, Amsterdam.Today(_clock), text) is { } problem
            ? throw new UsageException(problem)
            : date;
}
