namespace WlzMessaging.Host.Cli;

/// <summary>
/// An option: <c>--name VALUE</c> (or <c>--name=VALUE</c>) when <see cref="ValueName"/> is set, else a flag <c>--name</c>.
/// <see cref="WlzCommandLine"/> turns it into a System.CommandLine option; a hidden option works but is left out of the help.
/// </summary>
public sealed record OptionSpec(string Name, string? ValueName, string Description, bool Required = false)
{
    public bool IsFlag => ValueName is null;

    /// <summary>Accepted but not shown in the help (an old spelling kept for scripts).</summary>
    public bool Hidden { get; init; }

    /// <summary>A day or a month: checked against the sane window unless <c>--allow-any-date</c> is given.</summary>
    public bool IsDate => ValueName is "YYYY-MM-DD" or "DATE" or "YYYY-MM";

    /// <summary>A flag (no value).</summary>
    public static OptionSpec Flag(string name, string description) => new(name, null, description);

    /// <summary>An option with a value.</summary>
    public static OptionSpec Value(string name, string valueName, string description, bool required = false) =>
        new(name, valueName, description, required);
}

/// <summary>A positional argument, e.g. the FILE of <c>wlz inspect FILE</c>.</summary>
public sealed record PositionalSpec(string Name, string Description, bool Required = true);

/// <summary>What a command accepts on its command line, and the text its help shows below the options.</summary>
public sealed class CommandSyntax
{
    public IReadOnlyList<PositionalSpec> Positionals { get; init; } = [];

    public IReadOnlyList<OptionSpec> Options { get; init; } = [];

    /// <summary>The last positional may be repeated (<c>wlz process DIR1 DIR2</c>).</summary>
    public bool LastPositionalRepeats { get; init; }

    /// <summary>Paragraphs shown after the options: behaviour, defaults, examples.</summary>
    public string? Details { get; init; }
}
