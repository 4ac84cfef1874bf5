using System.Text;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// Where a command writes: its output and its errors. Tests pass two <see cref="StringWriter"/>s and run commands
/// in-process (no progress lines unless they ask); the program passes a buffered standard output and standard error.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, ProgressMode progress = ProgressMode.Off)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>How long work shows its progress on <see cref="Error"/> (<see cref="ProgressLine"/>).</summary>
    public ProgressMode Progress { get; } = progress;

    /// <summary>
    /// The process's own streams: standard output buffered (flush at the end), standard error as is; progress live when
    /// standard error is a terminal, a line every few seconds when it goes to a log or a pipe.
    /// </summary>
    public static CliConsole ForProcess()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), bufferSize: 64 * 1024) { AutoFlush = false };
        return new CliConsole(stdout, Console.Error, Console.IsErrorRedirected ? ProgressMode.Log : ProgressMode.Live);
    }
}
