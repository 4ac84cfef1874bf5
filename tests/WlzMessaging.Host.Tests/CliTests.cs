using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Tests;

public class CliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_every_command_with_its_summary(string how)
    {
        var registry = CommandRegistry.Default();
        var outcome = await Wlz.RunAsync(how);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        foreach (var command in registry.Commands)
        {
            Assert.Contains($"  {command.Name.PadRight(registry.Commands.Max(c => c.Name.Length))}  {command.Summary}\n", outcome.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_program_has_the_commands_of_this_issue_each_with_one_line_of_summary()
    {
        var names = CommandRegistry.Default().Commands.Select(c => c.Name).ToList();
        Assert.Contains("generate", names);
        Assert.Contains("inspect", names);
        Assert.Contains("help", names);
        Assert.All(CommandRegistry.Default().Commands, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Summary));
            Assert.DoesNotContain('\n', c.Summary);
            Assert.StartsWith($"Usage: wlz {c.Name}", c.Usage, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("inspect")]
    [InlineData("help")]
    public async Task Command_help_shows_its_usage_and_help_COMMAND_shows_the_same(string name)
    {
        var viaOption = await Wlz.RunAsync(name, "--help");
        var viaHelp = await Wlz.RunAsync("help", name);

        Assert.Equal(ExitCodes.Ok, viaOption.ExitCode);
        Assert.StartsWith($"Usage: wlz {name}", viaOption.Out, StringComparison.Ordinal);
        Assert.Equal(viaOption.Out, viaHelp.Out);
    }

    [Fact]
    public async Task Help_for_a_command_is_shown_even_when_its_required_options_are_missing()
    {
        var outcome = await Wlz.RunAsync("generate", "--lines", "3", "-h");
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("--reference-out DIR", outcome.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "wlz: unknown command 'frobnicate'", "Run 'wlz --help' for the list of commands.")]
    [InlineData(new string[0], "wlz: no command given", "Run 'wlz --help' for the list of commands.")]
    [InlineData(new[] { "--frob" }, "wlz: unknown option '--frob'", "Run 'wlz --help' for the list of commands.")]
    [InlineData(new[] { "help", "nope" }, "wlz help: unknown command 'nope'", "Run 'wlz help --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--frob" }, "wlz generate: unknown option '--frob'", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x" }, "wlz generate: missing --lines N", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "many" }, "wlz generate: --lines: 'many' is not a whole number", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "0" }, "wlz generate: --lines: 0 is out of range (1..999999)", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "1000000" }, "wlz generate: --lines: 1000000 is out of range (1..999999)", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--month", "2026-13" }, "wlz generate: --month: '2026-13' is not a month YYYY-MM", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--test=yes" }, "wlz generate: --test takes no value", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out" }, "wlz generate: --out needs a value (FILE)", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "inspect" }, "wlz inspect: missing FILE", "Run 'wlz inspect --help' for its usage.")]
    [InlineData(new[] { "inspect", "a", "b" }, "wlz inspect: unexpected argument 'b'", "Run 'wlz inspect --help' for its usage.")]
    public async Task A_wrong_command_line_gives_one_line_of_error_a_hint_and_exit_code_2(string[] args, string error, string hint)
    {
        var outcome = await Wlz.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        Assert.Equal([error, hint], outcome.ErrorLines);
    }

    [Fact]
    public async Task A_command_that_fails_gives_one_line_with_the_reason_and_exit_code_1()
    {
        var registry = new CommandRegistry([new FailingCommand(new CommandFailedException("the database is down")), new FailingCommand(new InvalidOperationException("boom\nsecond line"), "crash")]);

        var failed = await Wlz.RunAsync(registry, "fail");
        Assert.Equal(ExitCodes.Failure, failed.ExitCode);
        Assert.Equal(["wlz fail: the database is down"], failed.ErrorLines);

        var crashed = await Wlz.RunAsync(registry, "crash");
        Assert.Equal(ExitCodes.Failure, crashed.ExitCode);
        Assert.Equal(["wlz crash: InvalidOperationException: boom second line"], crashed.ErrorLines);
    }

    [Fact]
    public async Task Commands_of_several_words_are_found_and_a_group_alone_names_its_commands()
    {
        var registry = new CommandRegistry([new EchoCommand("reference import"), new EchoCommand("reference show"), new EchoCommand("run")]);

        var import = await Wlz.RunAsync(registry, "reference", "import", "dir1");
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.Equal("reference import: dir1\n", import.Out);

        var group = await Wlz.RunAsync(registry, "reference");
        Assert.Equal(ExitCodes.Usage, group.ExitCode);
        Assert.Equal("wlz: 'reference' needs one of: import, show", group.ErrorLines[0]);

        Assert.Contains("  reference import  ", (await Wlz.RunAsync(registry, "--help")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_commands_with_one_name_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new CommandRegistry([new EchoCommand("run"), new EchoCommand("run")]));
    }

    private sealed class FailingCommand(Exception exception, string name = "fail") : Command
    {
        public override string Name => name;

        public override string Summary => "fails";

        public override CommandSyntax Syntax { get; } = new();

        public override Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken) =>
            throw exception;
    }

    private sealed class EchoCommand(string name) : Command
    {
        public override string Name => name;

        public override string Summary => "echoes its argument";

        public override CommandSyntax Syntax { get; } = new() { Positionals = [new PositionalSpec("DIR", "a directory")] };

        public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
        {
            await console.Out.WriteAsync($"{Name}: {args.Positional(0)}\n");
            return ExitCodes.Ok;
        }
    }
}
