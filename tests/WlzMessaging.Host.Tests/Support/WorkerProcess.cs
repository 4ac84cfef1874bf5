using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WlzMessaging.Host.Tests.Support;

/// <summary>
/// A real <c>wlz</c> process (<c>dotnet wlz.dll ...</c>, the build in the test's output directory), its output collected
/// line by line, so a test can wait for a log line, kill it with SIGKILL or stop it with SIGTERM.
/// </summary>
internal sealed partial class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>wlz</c> with a quick mailbox (files taken as soon as seen, rescans twice a second).</summary>
    public static WorkerProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wlz.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["WLZ_Worker__StableSeconds"] = "0";
        start.Environment["WLZ_Worker__PollIntervalSeconds"] = "0.5";
        start.Environment["WLZ_Worker__MaxRetrySeconds"] = "1";

        // Tests run side by side: the worker's dashboard on a free port, never the default 5080.
        start.Environment["WLZ_Dashboard__Urls"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Collect(e.Data is null ? null : "stderr: " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until a line holds <paramref name="text"/> (at least <paramref name="times"/> times).</summary>
    public Task WaitForAsync(string text, TimeSpan timeout, int times = 1) =>
        WaitUntilAsync(() => Count(text) >= times, timeout, $"'{text}' ×{times} in the worker's output");

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}; the worker said:\n{string.Join('\n', _lines)}");
            }

            if (_process.HasExited && !condition())
            {
                await Task.Delay(200);
                if (!condition())
                {
                    throw new InvalidOperationException($"the worker exited ({_process.ExitCode}) before {what}:\n{string.Join('\n', _lines)}");
                }
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the process dies on the spot, as with kill -9.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: a graceful stop; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the worker did not exit within {timeout.TotalSeconds} s:\n{string.Join('\n', _lines)}");
        }

        return _process.ExitCode;
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
