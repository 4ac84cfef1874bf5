using System.CommandLine;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// Dispatches <c>wlz &lt;command&gt; [args]</c>: System.CommandLine parses the line (<see cref="WlzCommandLine"/>) and
/// answers help, <c>--version</c> and completion; a command that parsed is run, and every way it can end becomes an exit code
/// and at most one line on standard error (with a hint for usage errors; the stack trace too with <c>--verbose</c>).
/// Never throws.
/// </summary>
public sealed class CliApp(CommandRegistry registry)
{
    public CommandRegistry Registry { get; } = registry;

    public WlzCommandLine CommandLine { get; } = new(registry);

    public static Task<int> RunDefaultAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        new CliApp(CommandRegistry.Default()).RunAsync(args, console, cancellationToken);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        if (args.Count == 0)
        {
            return UsageError(console, "", "no command given");
        }

        var parsed = CommandLine.Root.Parse(args);
        var path = WlzCommandLine.PathOf(parsed.CommandResult);
        var command = CommandLine.CommandOf(parsed);
        if (parsed.Action is not null and not System.CommandLine.Invocation.ParseErrorAction)
        {
            // --help, --version, [suggest]: System.CommandLine's own answers.
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
        }

        if (parsed.Errors.Count > 0)
        {
            var group = parsed.CommandResult.Command;
            var onlyOptionsAfter = path.Length > 0 && parsed.UnmatchedTokens is [var first, ..] && first.StartsWith('-');
            return command is null && group.Subcommands.Count > 0 && (parsed.UnmatchedTokens.Count == 0 || onlyOptionsAfter)
                ? UsageError(console, "", path.Length == 0
                    ? "no command given"
                    : $"'{path}' needs one of: {string.Join(", ", group.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal))}")
                : UsageError(console, path, FirstError(parsed));
        }

        if (command is null)
        {
            return UsageError(console, "", "no command given");
        }

        var verbose = parsed.GetValue(WlzCommandLine.Verbose);
        try
        {
            return await command.RunAsync(CommandLine.Arguments(parsed), console, cancellationToken);
        }
        catch (UsageException e)
        {
            return UsageError(console, path, e.Message);
        }
        catch (CommandFailedException e)
        {
            return Failure(console, path, e.Message, verbose ? e : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"wlz {path}: cancelled");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The last line of defence: a command's unexpected failure is one line on stderr, exit 1.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var message = e is IOException or UnauthorizedAccessException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            return Failure(console, path, message + (verbose ? "" : " (run with --verbose for the details)"), verbose ? e : null);
        }
    }

    private static int UsageError(CliConsole console, string path, string message)
    {
        var prefix = path.Length == 0 ? "wlz" : $"wlz {path}";
        console.Error.WriteLine($"{prefix}: {OneLine(message)}");
        console.Error.WriteLine(path.Length == 0
            ? "Run 'wlz --help' for the list of commands."
            : $"Run 'wlz {path} --help' for its usage.");
        return ExitCodes.Usage;
    }

    /// <summary>One line with the reason; with <c>--verbose</c> the exception and its stack trace follow.</summary>
    private static int Failure(CliConsole console, string path, string message, Exception? details)
    {
        console.Error.WriteLine($"wlz {path}: {OneLine(message)}");
        if (details is not null)
        {
            console.Error.WriteLine(details.ToString());
        }

        return ExitCodes.Failure;
    }

    /// <summary>
    /// The error to show: an option's own (a forgotten or malformed value) first, else the first word nobody took (a mistyped
    /// command or option), else the first.
    /// </summary>
    internal static string FirstError(ParseResult parsed) =>
        (parsed.Errors.FirstOrDefault(e => e.SymbolResult is System.CommandLine.Parsing.OptionResult)
            ?? parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Count > 0 && e.Message.Contains($"'{parsed.UnmatchedTokens[0]}'", StringComparison.Ordinal))
            ?? parsed.Errors[0]).Message;

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
