using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using SclCommand = System.CommandLine.Command;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The <c>wlz</c> command line as a System.CommandLine tree: every <see cref="ICommand"/> of a registry becomes a command
/// (several words become a group: <c>advance run</c>), its <see cref="CommandSyntax"/> its arguments and options.
/// System.CommandLine parses, validates (unknown or repeated options, missing values, required options and arguments),
/// writes the help and answers shell completion (<c>dotnet-suggest</c>, the <c>[suggest]</c> directive); the commands read
/// their values through <see cref="CommandArguments"/>, whose typed accessors name the option of a malformed value.
/// </summary>
public sealed class WlzCommandLine
{
    /// <summary>Every command: a stack trace with an error, and the detail a command offers (process: where the time went).</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "more detail; a failure shows its stack trace", Recursive = true };

    /// <summary>Every command: no progress lines.</summary>
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "no progress lines on stderr", Recursive = true };

    /// <summary>The commands with a date option: accept a date outside the sane window (<see cref="DateWindow"/>).</summary>
    public static readonly Option<bool> AllowAnyDate = new("--allow-any-date")
    {
        Description = $"accept dates outside {DateWindow.Description} (a typo like 2090 is refused otherwise)",
    };

    private readonly Dictionary<SclCommand, Binding> _bindings = [];

    public WlzCommandLine(CommandRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Root = new RootCommand("wlz: the WlzMessaging engine of the zorgkantoor (Vektis AW319 declarations in, AW320 answers out).")
        {
            HelpName = "wlz",
        };
        Root.Add(Verbose);
        Root.Add(Quiet);
        foreach (var command in registry.Commands)
        {
            var words = command.Name.Split(' ');
            SclCommand parent = Root;
            foreach (var word in words[..^1])
            {
                parent = parent.Subcommands.FirstOrDefault(c => c.Name == word) ?? AddGroup(parent, word);
            }

            var symbol = new SclCommand(words[^1], command.Summary);
            parent.Add(symbol);
            _bindings[symbol] = Bind(symbol, command);
        }

        foreach (var option in Root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithDetails(help, Details);
            }
        }
    }

    /// <summary>The tree System.CommandLine parses with.</summary>
    public RootCommand Root { get; }

    /// <summary>The registered command a parsed command line names, or null for the root or a group.</summary>
    public ICommand? CommandOf(ParseResult result) =>
        _bindings.TryGetValue(result.CommandResult.Command, out var binding) ? binding.Command : null;

    /// <summary>What the command typed after <c>wlz</c> is called, for messages: <c>advance run</c>, or empty for the root.</summary>
    public static string PathOf(CommandResult result)
    {
        var words = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult { Command: not RootCommand } c)
            {
                words.Insert(0, c.Command.Name);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>The values of a command line System.CommandLine accepted, by option name, for the command's code.</summary>
    public CommandArguments Arguments(ParseResult result)
    {
        var binding = _bindings[result.CommandResult.Command];
        var positionals = new List<string>();
        foreach (var argument in binding.Arguments)
        {
            switch (argument)
            {
                case Argument<string[]> many:
                    positionals.AddRange(result.GetValue(many) ?? []);
                    break;
                case Argument<string> one when result.GetValue(one) is { } value:
                    positionals.Add(value);
                    break;
            }
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, option) in binding.Options)
        {
            if (option is Option<bool> flag)
            {
                if (result.GetValue(flag))
                {
                    options[name] = null;
                }
            }
            else if (result.GetResult(option) is { Implicit: false } && result.GetValue((Option<string>)option) is { } value)
            {
                options[name] = value;
            }
        }

        foreach (var global in new[] { Verbose, Quiet, AllowAnyDate })
        {
            if (result.GetResult(global) is not null && result.GetValue(global))
            {
                options[global.Name[2..]] = null;
            }
        }

        return new CommandArguments(positionals, options);
    }

    /// <summary>Parses a command line against one syntax alone (tests of the option vocabulary); a wrong line is a <see cref="UsageException"/>.</summary>
    public static CommandArguments Parse(CommandSyntax syntax, IReadOnlyList<string> args)
    {
        var line = new WlzCommandLine(new CommandRegistry([new SyntaxOnly(syntax)]));
        var result = line.Root.Parse(["x", .. args]);
        return result.Errors.Count > 0 ? throw new UsageException(CliApp.FirstError(result)) : line.Arguments(result);
    }

    private static SclCommand AddGroup(SclCommand parent, string word)
    {
        var group = new SclCommand(word, $"The {word} commands");
        parent.Add(group);
        return group;
    }

    private static Binding Bind(SclCommand symbol, ICommand command)
    {
        var syntax = command.Syntax;
        var arguments = new List<Argument>();
        for (var i = 0; i < syntax.Positionals.Count; i++)
        {
            var positional = syntax.Positionals[i];
            Argument argument = syntax.LastPositionalRepeats && i == syntax.Positionals.Count - 1
                ? new Argument<string[]>(positional.Name)
                {
                    Arity = positional.Required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
                    Description = positional.Description,
                }
                : new Argument<string>(positional.Name)
                {
                    Arity = positional.Required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
                    Description = positional.Description,
                };
            symbol.Add(argument);
            arguments.Add(argument);
        }

        var options = new List<(string, Option)>();
        foreach (var spec in syntax.Options)
        {
            Option option = spec.IsFlag
                ? new Option<bool>("--" + spec.Name) { Description = spec.Description, Hidden = spec.Hidden }
                : new Option<string>("--" + spec.Name)
                {
                    Description = spec.Description,
                    HelpName = spec.ValueName,
                    Required = spec.Required,
                    Hidden = spec.Hidden,
                };
            if (!spec.IsFlag)
            {
                // System.CommandLine would take the next option as the value ("--out --lines 5"): a forgotten value instead.
                option.Validators.Add(result =>
                {
                    if (result.Tokens is [{ Value: var value }, ..] && value.StartsWith("--", StringComparison.Ordinal))
                    {
                        result.AddError($"--{spec.Name} needs a value ({spec.ValueName})");
                    }
                });
            }

            symbol.Add(option);
            options.Add((spec.Name, option));
        }

        if (syntax.Options.Any(o => o.IsDate))
        {
            symbol.Add(AllowAnyDate);
        }

        return new Binding(command, arguments, options);
    }

    /// <summary>The paragraphs below a command's help: its <see cref="CommandSyntax.Details"/>, or the exit codes for the root.</summary>
    private string? Details(SclCommand command) =>
        _bindings.TryGetValue(command, out var binding)
            ? binding.Command.Syntax.Details
            : command is RootCommand
                ? "Exit codes: 0 done, 1 the command failed (reason on stderr), 2 wrong command line, 130 stopped by Ctrl+C."
                : null;

    /// <summary>System.CommandLine's help, then the command's details.</summary>
    private sealed class HelpWithDetails(HelpAction help, Func<SclCommand, string?> details) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            if (details(parseResult.CommandResult.Command) is { } text)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Details:");
                foreach (var line in text.TrimEnd().Split('\n'))
                {
                    var trimmed = line.TrimEnd('\r');
                    output.WriteLine(trimmed.Length == 0 ? "" : "  " + trimmed);
                }

                output.WriteLine();
            }

            return code;
        }
    }

    private sealed record Binding(ICommand Command, IReadOnlyList<Argument> Arguments, IReadOnlyList<(string Name, Option Option)> Options);

    private sealed class SyntaxOnly(CommandSyntax syntax) : ICommand
    {
        public string Name => "x";

        public string Summary => "a syntax alone";

        public CommandSyntax Syntax => syntax;

        public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken) =>
            Task.FromResult(ExitCodes.Ok);
    }
}
