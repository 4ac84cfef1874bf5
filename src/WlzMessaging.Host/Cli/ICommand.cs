namespace WlzMessaging.Host.Cli;

/// <summary>
/// One <c>wlz</c> command. A command is one class in this assembly; <see cref="CommandRegistry.Discover"/> finds it, so
/// adding a command is adding a file; <see cref="WlzCommandLine"/> makes its System.CommandLine command (and its help) from it.
/// </summary>
public interface ICommand
{
    /// <summary>What the user types after <c>wlz</c>: one word, or several for a group (<c>reference import</c>).</summary>
    string Name { get; }

    /// <summary>One line for the command list of <c>wlz --help</c>.</summary>
    string Summary { get; }

    /// <summary>The positional arguments and options the parser accepts; anything else is a usage error (exit 2).</summary>
    CommandSyntax Syntax { get; }

    /// <summary>
    /// Runs the command with its parsed arguments and returns the exit code (<see cref="ExitCodes"/>). Throw
    /// <see cref="CommandFailedException"/> for a failure (exit 1) and <see cref="UsageException"/> for a bad argument
    /// value (exit 2); the one-line message goes to standard error.
    /// </summary>
    Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken);
}

/// <summary>The base of the commands.</summary>
public abstract class Command : ICommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract CommandSyntax Syntax { get; }

    public abstract Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken);
}
