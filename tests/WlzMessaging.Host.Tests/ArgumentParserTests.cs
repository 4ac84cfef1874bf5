using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Tests;

public class ArgumentParserTests
{
    private static readonly CommandSyntax s_syntax = new()
    {
        Positionals = [new PositionalSpec("FILE", "a file"), new PositionalSpec("MORE", "optional", Required: false)],
        Options =
        [
            OptionSpec.Value("count", "N", "a number"),
            OptionSpec.Value("name", "TEXT", "a name"),
            OptionSpec.Flag("json", "a flag"),
        ],
    };

    [Fact]
    public void Reads_positionals_values_flags_and_the_equals_form()
    {
        var args = ArgumentParser.Parse(["file.txt", "--count", "-5", "--name=a=b", "--json"], s_syntax);

        Assert.Equal(["file.txt"], args.Positionals);
        Assert.Equal(-5, args.Int64("count"));
        Assert.Equal("a=b", args.Value("name"));
        Assert.True(args.Has("json"));
        Assert.False(args.HelpRequested);
    }

    [Fact]
    public void A_double_dash_ends_the_options()
    {
        var args = ArgumentParser.Parse(["--", "--json", "x"], s_syntax);
        Assert.Equal(["--json", "x"], args.Positionals);
        Assert.False(args.Has("json"));
    }

    [Theory]
    [InlineData(new[] { "f", "--count", "1", "--count", "2" }, "--count is given twice")]
    [InlineData(new[] { "f", "-x" }, "unknown option '-x'")]
    [InlineData(new[] { "f", "--Json" }, "unknown option '--Json'")]
    [InlineData(new[] { "f", "--name", "--json" }, "--name needs a value (TEXT)")]
    [InlineData(new[] { "f", "g", "h" }, "unexpected argument 'h'")]
    [InlineData(new[] { "--json" }, "missing FILE")]
    public void Rejects_what_the_syntax_does_not_allow(string[] input, string message)
    {
        var error = Assert.Throws<UsageException>(() => ArgumentParser.Parse(input, s_syntax));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Help_anywhere_wins_over_missing_arguments()
    {
        Assert.True(ArgumentParser.Parse(["--count", "3", "--help"], s_syntax).HelpRequested);
    }

    [Fact]
    public void Typed_values_name_the_option_when_they_are_malformed()
    {
        var args = ArgumentParser.Parse(["f", "--count", "1_000", "--name", "2026-02"], s_syntax);
        Assert.Equal(1000, args.Int64("count"));
        Assert.Equal(new DateOnly(2026, 2, 1), args.Month("name"));
        Assert.Equal("--name: '2026-02' is not a date YYYY-MM-DD", Assert.Throws<UsageException>(() => args.Date("name")).Message);
        Assert.Null(args.Int64("missing"));
    }
}
