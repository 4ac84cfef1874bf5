using System.Diagnostics;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>
/// Headless Chromium from Debian's <c>chromium</c> package (CI installs it: <c>apt-get install -y chromium</c>). Loads a
/// page, lets its script run, and returns the DOM as the browser holds it then.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public const string MissingMessage = $"{Path} is missing: install Debian's chromium (apt-get update && apt-get install -y chromium) to run the dashboard in a browser";

    public static bool Installed => File.Exists(Path);

    /// <summary>The DOM of <paramref name="url"/> after up to <paramref name="virtualTimeMs"/> of page time.</summary>
    public static async Task<string> DumpDomAsync(string url, int virtualTimeMs = 5000)
    {
        var profile = Directory.CreateTempSubdirectory("wlz-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
                $"--virtual-time-budget={virtualTimeMs}", "--dump-dom", url,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish in 90 s; stderr: {await error}");
            }

            var dom = await output;
            Assert.True(dom.Length > 0, $"chromium wrote no DOM (exit {process.ExitCode}); stderr: {await error}");
            return dom;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A crash helper may still hold a file; the directory is under /tmp.
            }
        }
    }
}

/// <summary>A test that needs headless Chromium: skipped, with the reason, where it is not installed.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Installed)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
