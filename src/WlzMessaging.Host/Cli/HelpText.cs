using System.Text;

namespace WlzMessaging.Host.Cli;

/// <summary>The texts of <c>wlz --help</c> and <c>wlz COMMAND --help</c>.</summary>
public static class HelpText
{
    public const string Program = "wlz";

    /// <summary>The command list: one line each.</summary>
    public static string Overview(CommandRegistry registry)
    {
        var text = new StringBuilder();
        text.AppendLine("wlz: the WlzMessaging engine of the zorgkantoor (Vektis AW319 declarations in, AW320 answers out).");
        text.AppendLine();
        text.AppendLine("Usage: wlz <command> [arguments] [options]");
        text.AppendLine();
        text.AppendLine("Commands:");
        var width = registry.Commands.Max(c => c.Name.Length);
        foreach (var command in registry.Commands)
        {
            text.Append("  ").Append(command.Name.PadRight(width)).Append("  ").AppendLine(command.Summary);
        }

        text.AppendLine();
        text.AppendLine("Run 'wlz <command> --help' for the usage of a command.");
        text.AppendLine("Exit codes: 0 done, 1 the command failed (reason on stderr), 2 wrong command line.");
        return text.ToString();
    }

    /// <summary>The usage of one command, made from its syntax.</summary>
    public static string Usage(ICommand command)
    {
        var syntax = command.Syntax;
        var text = new StringBuilder();
        text.Append("Usage: ").Append(Program).Append(' ').Append(command.Name);
        foreach (var positional in syntax.Positionals)
        {
            text.Append(' ').Append(positional.Required ? positional.Name : $"[{positional.Name}]");
        }

        if (syntax.LastPositionalRepeats && syntax.Positionals.Count > 0)
        {
            text.Append(" ...");
        }

        foreach (var option in syntax.Options)
        {
            var token = option.IsFlag ? $"--{option.Name}" : $"--{option.Name} {option.ValueName}";
            text.Append(' ').Append(option.Required ? token : $"[{token}]");
        }

        text.AppendLine();
        text.AppendLine();
        text.AppendLine(command.Summary);
        var rows = syntax.Positionals.Select(p => (p.Name, p.Description))
            .Concat(syntax.Options.Select(o => (o.IsFlag ? $"--{o.Name}" : $"--{o.Name} {o.ValueName}", o.Description)))
            .Append(("--help", "show this text"))
            .ToList();
        text.AppendLine();
        var width = rows.Max(r => r.Item1.Length);
        foreach (var (name, description) in rows)
        {
            text.Append("  ").Append(name.PadRight(width)).Append("  ").AppendLine(description);
        }

        if (syntax.Details is { } details)
        {
            text.AppendLine();
            text.AppendLine(details.TrimEnd());
        }

        return text.ToString();
    }
}
