using System.Reflection;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// Dispatches <c>wlz &lt;command&gt; [args]</c>: finds the command, parses its arguments, runs it and turns every way it can
/// end into an exit code and at most one line on standard error (with a hint for usage errors). Never throws.
/// </summary>
public sealed class CliApp(CommandRegistry registry)
{
    public CommandRegistry Registry { get; } = registry;

    public static Task<int> RunDefaultAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        new CliApp(CommandRegistry.Default()).RunAsync(args, console, cancellationToken);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        if (args.Count == 0)
        {
            return UsageError(console, null, "no command given");
        }

        var first = args[0];
        if (first is "--help" or "-h")
        {
            await console.Out.WriteAsync(HelpText.Overview(Registry));
            return ExitCodes.Ok;
        }

        if (first == "--version")
        {
            await console.Out.WriteLineAsync($"wlz {Version()}");
            return ExitCodes.Ok;
        }

        if (first.StartsWith('-'))
        {
            return UsageError(console, null, $"unknown option '{first}'");
        }

        if (Registry.Find(args) is not { } found)
        {
            var group = Registry.Group(first);
            return group.Count > 0
                ? UsageError(console, null, $"'{first}' needs one of: {string.Join(", ", group.Select(c => c.Name[(first.Length + 1)..]))}")
                : UsageError(console, null, $"unknown command '{first}'");
        }

        var (command, words) = found;

        try
        {
            var parsed = ArgumentParser.Parse(args.Skip(words).ToList(), command.Syntax);
            if (parsed.HelpRequested)
            {
                await console.Out.WriteAsync(command.Usage);
                return ExitCodes.Ok;
            }

            return await command.RunAsync(parsed, console, cancellationToken);
        }
        catch (UsageException e)
        {
            return UsageError(console, command, e.Message);
        }
        catch (CommandFailedException e)
        {
            return Failure(console, command, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"wlz {command.Name}: cancelled");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The last line of defence: a command's unexpected failure is one line on stderr, exit 1.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (Environment.GetEnvironmentVariable("WLZ_DEBUG") is "1")
            {
                await console.Error.WriteLineAsync(e.ToString());
            }

            return Failure(console, command, e is IOException or UnauthorizedAccessException ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static int UsageError(CliConsole console, ICommand? command, string message)
    {
        var prefix = command is null ? "wlz" : $"wlz {command.Name}";
        console.Error.WriteLine($"{prefix}: {OneLine(message)}");
        console.Error.WriteLine(command is null
            ? "Run 'wlz --help' for the list of commands."
            : $"Run 'wlz {command.Name} --help' for its usage.");
        return ExitCodes.Usage;
    }

    private static int Failure(CliConsole console, ICommand command, string message)
    {
        console.Error.WriteLine($"wlz {command.Name}: {OneLine(message)}");
        return ExitCodes.Failure;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Version() =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
