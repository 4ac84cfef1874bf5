using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz help [COMMAND]</c>: the command list, or one command's usage (as <c>wlz COMMAND --help</c>).</summary>
public sealed class HelpCommand(CommandRegistry registry) : Command
{
    public override string Name => "help";

    public override string Summary => "List the commands, or show the usage of one";

    public override CommandSyntax Syntax { get; } = new()
    {
        Positionals = [new PositionalSpec("COMMAND", "the command to explain (several words for a group command)", Required: false)],
        LastPositionalRepeats = true,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        // Accept multi-word names: "wlz help reference import".
        var words = args.Positionals;
        if (words.Count == 0)
        {
            await console.Out.WriteAsync(HelpText.Overview(registry));
            return ExitCodes.Ok;
        }

        if (registry.Find(words) is { Words: var n, Command: var command } && n == words.Count)
        {
            await console.Out.WriteAsync(command.Usage);
            return ExitCodes.Ok;
        }

        throw new UsageException($"unknown command '{string.Join(' ', words)}'");
    }
}
