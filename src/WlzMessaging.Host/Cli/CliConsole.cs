using System.Text;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// Where a command writes: its output and its errors. Tests pass two <see cref="StringWriter"/>s and run commands
/// in-process; the program passes a buffered standard output and standard error.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The process's own streams: standard output buffered (flush at the end), standard error as is.</summary>
    public static CliConsole ForProcess()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), bufferSize: 64 * 1024) { AutoFlush = false };
        return new CliConsole(stdout, Console.Error);
    }
}
