using System.Diagnostics;
using System.Text;

namespace WlzMessaging.Storage.Embedded;

/// <summary>The outcome of one external command: its exit code and its standard output and error, interleaved.</summary>
internal readonly record struct CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The output's last non-empty line: what a one-line error message quotes.</summary>
    public string LastLine =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}

/// <summary>Runs a PostgreSQL tool (initdb, pg_ctl, …) and captures what it says.</summary>
internal static class ExternalCommand
{
    public static async Task<CommandResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = false;
        startInfo.UseShellExecute = false;
        PrepareEnvironment(startInfo);

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EmbeddedPostgresException($"could not run {startInfo.FileName}: {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new EmbeddedPostgresException(
                $"{Path.GetFileName(startInfo.FileName)} {string.Join(' ', startInfo.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s");
        }

        // WaitForExitAsync returns once the output streams are drained too, so the text is complete here.
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    /// <summary>
    /// PG* variables change what the tools do (PGPORT moves the socket, PGDATA the cluster): the launcher says everything on
    /// the command line instead. LC_ALL=C keeps the tools' messages in English, which is what our errors quote.
    /// </summary>
    private static void PrepareEnvironment(ProcessStartInfo startInfo)
    {
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["LC_ALL"] = "C";
    }
}
