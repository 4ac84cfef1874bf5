using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Tests;

/// <summary>A command's <see cref="CommandSyntax"/> as System.CommandLine parses it, and the typed values of <see cref="CommandArguments"/>.</summary>
public class CommandLineParsingTests
{
    private static readonly CommandSyntax s_syntax = new()
    {
        Positionals = [new PositionalSpec("FILE", "a file"), new PositionalSpec("MORE", "optional", Required: false)],
        Options =
        [
            OptionSpec.Value("count", "N", "a number"),
            OptionSpec.Value("name", "TEXT", "a name"),
            OptionSpec.Value("date", "YYYY-MM-DD", "a day"),
            OptionSpec.Flag("json", "a flag"),
        ],
    };

    private static CommandArguments Parse(params string[] args) => WlzCommandLine.Parse(s_syntax, args);

    [Fact]
    public void Reads_positionals_values_flags_and_the_equals_form()
    {
        var args = Parse("file.txt", "--count", "-5", "--name=a=b", "--json");

        Assert.Equal(["file.txt"], args.Positionals);
        Assert.Equal(-5, args.Int64("count"));
        Assert.Equal("a=b", args.Value("name"));
        Assert.True(args.Has("json"));
        Assert.False(args.Has("date"));
        Assert.False(args.Verbose);
    }

    [Fact]
    public void A_double_dash_ends_the_options()
    {
        var args = Parse("--", "--json", "x");
        Assert.Equal(["--json", "x"], args.Positionals);
        Assert.False(args.Has("json"));
    }

    [Fact]
    public void The_shared_flags_reach_every_command()
    {
        var args = Parse("f", "--verbose", "-q", "--allow-any-date");
        Assert.True(args.Verbose);
        Assert.True(args.Quiet);
        Assert.True(args.Has("allow-any-date"));
    }

    [Theory]
    [InlineData(new[] { "f", "--count", "1", "--count", "2" }, "Option '--count' expects a single argument but 2 were provided.")]
    [InlineData(new[] { "f", "g", "-x" }, "Unrecognized command or argument '-x'.")]
    [InlineData(new[] { "f", "g", "--Json" }, "Unrecognized command or argument '--Json'.")]
    [InlineData(new[] { "f", "--name", "--json" }, "--name needs a value (TEXT)")]
    [InlineData(new[] { "f", "g", "h" }, "Unrecognized command or argument 'h'.")]
    [InlineData(new[] { "--json" }, "Required argument 'FILE' missing for command: 'x'.")]
    public void Rejects_what_the_syntax_does_not_allow(string[] input, string message)
    {
        var error = Assert.Throws<UsageException>(() => Parse(input));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Typed_values_name_the_option_when_they_are_malformed()
    {
        var args = Parse("f", "--count", "1_000", "--name", "2026-02");
        Assert.Equal(1000, args.Int64("count"));
        Assert.Equal(new DateOnly(2026, 2, 1), args.Month("name"));
        Assert.Equal("--name: '2026-02' is not a date YYYY-MM-DD", Assert.Throws<UsageException>(() => args.Date("name")).Message);
        Assert.Null(args.Int64("missing"));
    }

    [Fact]
    public void Dates_outside_the_window_are_refused_unless_allowed()
    {
        var today = Amsterdam.Today(TimeProvider.System);
        var inWindow = today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(today.AddYears(1), Parse("f", "--date", inWindow).Date("date"));
        Assert.Equal(new DateOnly(2000, 1, 1), Parse("f", "--date", "2000-01-01").Date("date"));

        var late = Assert.Throws<UsageException>(() => Parse("f", "--date", "2090-01-01").Date("date"));
        Assert.Equal($"--date: 2090-01-01 is outside 2000-01-01 .. {inWindow}; check it, or give --allow-any-date to use it anyway", late.Message);
        Assert.Throws<UsageException>(() => Parse("f", "--date", "1999-12-31").Date("date"));
        Assert.Throws<UsageException>(() => Parse("f", "--name", "1999-12").Month("name"));

        Assert.Equal(new DateOnly(2090, 1, 1), Parse("f", "--date", "2090-01-01", "--allow-any-date").Date("date"));
    }
}
