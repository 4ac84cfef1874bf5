namespace WlzMessaging.Host.Cli;

/// <summary>
/// The command-line grammar of every command: positionals, <c>--name value</c>, <c>--name=value</c>, flags
/// <c>--name</c>, <c>--</c> to end the options, <c>--help</c>/<c>-h</c> anywhere. Unknown options, options given twice,
/// a missing value, a missing required option or positional, or one positional too many are usage errors.
/// </summary>
public static class ArgumentParser
{
    public static CommandArguments Parse(IReadOnlyList<string> args, CommandSyntax syntax)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var help = false;
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unknown option '{arg}'");
            }

            var name = arg[2..];
            string? inlineValue = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            var spec = syntax.Find(name) ?? throw new UsageException($"unknown option '--{name}'");
            if (options.ContainsKey(name))
            {
                throw new UsageException($"--{name} is given twice");
            }

            if (spec.IsFlag)
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"--{name} takes no value");
                }

                options[name] = null;
                continue;
            }

            if (inlineValue is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"--{name} needs a value ({spec.ValueName})");
                }

                inlineValue = args[++i];
            }

            options[name] = inlineValue;
        }

        if (help)
        {
            return new CommandArguments(positionals, options, helpRequested: true);
        }

        if (positionals.Count > syntax.Positionals.Count && !(syntax.LastPositionalRepeats && syntax.Positionals.Count > 0))
        {
            throw new UsageException($"unexpected argument '{positionals[syntax.Positionals.Count]}'");
        }

        for (var p = positionals.Count; p < syntax.Positionals.Count; p++)
        {
            if (syntax.Positionals[p].Required)
            {
                throw new UsageException($"missing {syntax.Positionals[p].Name}");
            }
        }

        foreach (var option in syntax.Options)
        {
            if (option.Required && !options.ContainsKey(option.Name))
            {
                throw new UsageException($"missing --{option.Name} {option.ValueName}");
            }
        }

        return new CommandArguments(positionals, options, helpRequested: false);
    }
}
