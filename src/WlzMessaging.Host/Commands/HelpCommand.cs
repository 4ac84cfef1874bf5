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
        // "wlz help reference import" is "wlz reference import --help"; System.CommandLine writes both.
        var words = args.Positionals;
        if (words.Count > 0 && new WlzCommandLine(registry).Root.Parse([.. words]).CommandResult is { } found
            && WlzCommandLine.PathOf(found) != string.Join(' ', words))
        {
            throw new UsageException($"unknown command '{string.Join(' ', words)}'");
        }

        return await new CliApp(registry).RunAsync([.. words, "--help"], console, cancellationToken);
    }
}
