using System.Reflection;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The commands <c>wlz</c> knows, sorted by name. <see cref="Discover"/> finds every concrete <see cref="ICommand"/> of an
/// assembly that has a public constructor taking nothing or the registry itself (as <c>help</c> does).
/// </summary>
public sealed class CommandRegistry
{
    private readonly List<ICommand> _commands = [];

    public CommandRegistry(IEnumerable<ICommand> commands)
    {
        foreach (var command in commands)
        {
            Add(command);
        }
    }

    private CommandRegistry()
    {
    }

    public IReadOnlyList<ICommand> Commands => _commands;

    /// <summary>The registry of the <c>wlz</c> program: every command of this assembly.</summary>
    public static CommandRegistry Default() => Discover(typeof(CommandRegistry).Assembly);

    public static CommandRegistry Discover(Assembly assembly)
    {
        var registry = new CommandRegistry();
        var types = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICommand).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type.GetConstructor([typeof(CommandRegistry)]) is { } withRegistry)
            {
                registry.Add((ICommand)withRegistry.Invoke([registry]));
            }
            else if (type.GetConstructor(Type.EmptyTypes) is { } plain)
            {
                registry.Add((ICommand)plain.Invoke(null));
            }
        }

        return registry;
    }

    /// <summary>The command the arguments start with (the longest name that matches) and how many words its name took.</summary>
    public (ICommand Command, int Words)? Find(IReadOnlyList<string> args)
    {
        (ICommand, int)? best = null;
        foreach (var command in _commands)
        {
            var words = command.Name.Split(' ');
            if (words.Length > args.Count || (best is { } b && b.Item2 >= words.Length))
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < words.Length && matches; i++)
            {
                matches = args[i] == words[i];
            }

            if (matches)
            {
                best = (command, words.Length);
            }
        }

        return best;
    }

    /// <summary>The commands of a group (<c>reference</c> → <c>reference import</c>, …), empty when there is none.</summary>
    public IReadOnlyList<ICommand> Group(string word) =>
        _commands.Where(c => c.Name.StartsWith(word + " ", StringComparison.Ordinal)).ToList();

    private void Add(ICommand command)
    {
        if (_commands.Any(c => c.Name == command.Name))
        {
            throw new InvalidOperationException($"two commands are named '{command.Name}'");
        }

        _commands.Add(command);
        _commands.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
    }
}
