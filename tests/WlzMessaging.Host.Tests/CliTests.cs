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
        Assert.Contains("Usage:\n  wlz [command] [options]\n", outcome.Out, StringComparison.Ordinal);
        foreach (var command in registry.Commands)
        {
            // A group command (advance run) is listed under its group; its own help names it with its summary.
            var words = command.Name.Split(' ');
            Assert.Matches($"\n  {words[0]}( <[A-Z]+>)? +{(words.Length == 1 ? System.Text.RegularExpressions.Regex.Escape(command.Summary) : $"The {words[0]} commands")}\n", outcome.Out);
            if (words.Length > 1)
            {
                var group = await Wlz.RunAsync(words[0], "--help");
                Assert.Matches($"\n  {words[1]} .*{System.Text.RegularExpressions.Regex.Escape(command.Summary)}\n", group.Out);
            }
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
        Assert.Contains($"Usage:\n  wlz {name} ", viaOption.Out, StringComparison.Ordinal);
        Assert.Equal(viaOption.Out, viaHelp.Out);
    }

    [Fact]
    public async Task Help_for_a_command_is_shown_even_when_its_required_options_are_missing()
    {
        var outcome = await Wlz.RunAsync("generate", "--lines", "3", "-h");
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("--reference-out <DIR>", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("Details:\n  One file is one provider's declaration", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_of_a_group_command_has_its_details_and_the_shared_options()
    {
        var outcome = await Wlz.RunAsync("help", "advance", "run");

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("Usage:\n  wlz advance run [options]\n", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("--date <YYYY-MM-DD> (REQUIRED)", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("--format <table|json>", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("--data-dir <DIR>", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("--allow-any-date", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("--verbose", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("\nDetails:\n  Computes the run", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_comes_from_System_CommandLine()
    {
        var command = await Wlz.RunAsync("[suggest:9]", "advance r");
        Assert.Equal(ExitCodes.Ok, command.ExitCode);
        Assert.StartsWith("run\n", command.Out, StringComparison.Ordinal);

        var option = await Wlz.RunAsync("[suggest:15]", "advance run --d");
        Assert.Equal(["--data-dir", "--date"], option.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(o => o.StartsWith("--d", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_hidden_option_works_and_is_not_shown()
    {
        var help = await Wlz.RunAsync("inspect", "--help");
        Assert.DoesNotContain("--json", help.Out, StringComparison.Ordinal);
        Assert.Contains("--format <table|json>", help.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "wlz: Unrecognized command or argument 'frobnicate'.", "Run 'wlz --help' for the list of commands.")]
    [InlineData(new string[0], "wlz: no command given", "Run 'wlz --help' for the list of commands.")]
    [InlineData(new[] { "--frob" }, "wlz: Unrecognized command or argument '--frob'.", "Run 'wlz --help' for the list of commands.")]
    [InlineData(new[] { "help", "nope" }, "wlz help: unknown command 'nope'", "Run 'wlz help --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--frob" }, "wlz generate: Unrecognized command or argument '--frob'.", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x" }, "wlz generate: Option '--lines' is required.", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "many" }, "wlz generate: --lines: 'many' is not a whole number", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "0" }, "wlz generate: --lines: 0 is out of range (1..999999)", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "1000000" }, "wlz generate: --lines: 1000000 is out of range (1..999999)", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--month", "2026-13" }, "wlz generate: --month: '2026-13' is not a month YYYY-MM", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--month", "1990-01" }, "wlz generate: --month: 1990-01 is outside 2000-01-01 .. {LAST}; check it, or give --allow-any-date to use it anyway", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--invoice-date", "2090-01-01" }, "wlz generate: --invoice-date: 2090-01-01 is outside 2000-01-01 .. {LAST}; check it, or give --allow-any-date to use it anyway", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--lines", "5", "--test=yes" }, "wlz generate: Unrecognized command or argument 'yes'.", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out" }, "wlz generate: Required argument missing for option: '--out'.", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "x", "--out", "y", "--lines", "5" }, "wlz generate: Option '--out' expects a single argument but 2 were provided.", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "inspect" }, "wlz inspect: Required argument 'FILE' missing for command: 'inspect'.", "Run 'wlz inspect --help' for its usage.")]
    [InlineData(new[] { "generate", "--out", "--lines", "5" }, "wlz generate: --out needs a value (FILE)", "Run 'wlz generate --help' for its usage.")]
    [InlineData(new[] { "inspect", "a", "b" }, "wlz inspect: Unrecognized command or argument 'b'.", "Run 'wlz inspect --help' for its usage.")]
    [InlineData(new[] { "inspect", "a", "--format", "xml" }, "wlz inspect: --format: 'xml' is not table or json", "Run 'wlz inspect --help' for its usage.")]
    public async Task A_wrong_command_line_gives_one_line_of_error_a_hint_and_exit_code_2(string[] args, string error, string hint)
    {
        var outcome = await Wlz.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        var last = DateWindow.Last(Amsterdam.Today(TimeProvider.System)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([error.Replace("{LAST}", last, StringComparison.Ordinal), hint], outcome.ErrorLines);
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
        Assert.Equal(["wlz crash: InvalidOperationException: boom second line (run with --verbose for the details)"], crashed.ErrorLines);
    }

    [Fact]
    public async Task With_verbose_a_failure_also_shows_its_stack_trace()
    {
        var registry = new CommandRegistry([new FailingCommand(new InvalidOperationException("boom"), "crash")]);

        var crashed = await Wlz.RunAsync(registry, "crash", "--verbose");

        Assert.Equal(ExitCodes.Failure, crashed.ExitCode);
        Assert.Equal("wlz crash: InvalidOperationException: boom", crashed.ErrorLines[0]);
        Assert.StartsWith("System.InvalidOperationException: boom", crashed.ErrorLines[1], StringComparison.Ordinal);
        Assert.Contains(crashed.ErrorLines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_worker_started_with_a_wrong_path_stops_with_one_line_naming_the_setting()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("afile"), "");

        var outcome = await Wlz.RunAsync("run", "--once", "--uzovi", "5501", "--inbox", temp.File("afile"), "--outbox", temp.File("out"),
            "--archive", temp.File("archive"), "--quarantine", temp.File("q"), "--data-dir", temp.File("store"));

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Equal([$"wlz run: Mailbox:Inbox (--inbox): {temp.File("afile")} is a file, not a directory"], outcome.ErrorLines);
        Assert.False(Directory.Exists(temp.File("store")));
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

        Assert.Contains("  reference  ", (await Wlz.RunAsync(registry, "--help")).Out, StringComparison.Ordinal);
        Assert.Contains("  import <DIR>  ", (await Wlz.RunAsync(registry, "reference", "--help")).Out, StringComparison.Ordinal);
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
