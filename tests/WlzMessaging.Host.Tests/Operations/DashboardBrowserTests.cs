using System.Text.RegularExpressions;
using WlzMessaging.Host.Cli;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>
/// The dashboard as an operator sees it: <c>wlz dashboard</c> started on a free port of 127.0.0.1 against a database with
/// processed files, opened in headless Chromium, and the page read after its script ran.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class DashboardBrowserTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        await DashboardScenario.SeedAsync(_database.DataSource);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [ChromiumFact]
    public async Task An_operator_sees_the_figures_and_no_BSN()
    {
        var output = new LineWriter();
        using var stop = new CancellationTokenSource();
        var app = new CliApp(CommandRegistry.Default());
        var running = app.RunAsync(
            ["dashboard", "--urls", "http://127.0.0.1:0", "--connection", _database.ConnectionString],
            new CliConsole(output, output),
            stop.Token);
        try
        {
            var url = await output.WaitForAsync(ListeningOn(), running);

            var dom = await Chromium.DumpDomAsync(url);

            var text = Regex.Replace(Regex.Replace(dom, "<[^>]+>", " "), @"\s+", " ");
            Assert.Contains("worker running", text, StringComparison.Ordinal);
            Assert.Contains("Throughput (lines per minute) 1 ", text, StringComparison.Ordinal);
            Assert.Contains("Inbox 7 files waiting", text, StringComparison.Ordinal);
            Assert.Contains("AW320s written, last hour 3 ", text, StringComparison.Ordinal);
            Assert.Contains("Files in work 1 AW319_linde_002.asc", text, StringComparison.Ordinal);
            Assert.Contains("8290 Er is geen (correcte) melding aanvang zorg (MAZ) aanwezig 6 ", text, StringComparison.Ordinal);
            Assert.Contains("8226 Prestatie niet conform de (productie)afspraken 3 ", text, StringComparison.Ordinal);
            Assert.Contains("73730001 Zorggroep De Linde 1 47 40 7 14.9%", text, StringComparison.Ordinal);
            Assert.Contains("73730002 Stichting Het Baken 2 13 10 3 23.1%", text, StringComparison.Ordinal);
            Assert.Contains("AW319_baken_002.aw320", text, StringComparison.Ordinal);
            Assert.Contains("wlz-1:/srv/wlz/inbox wlz-1 4242 processing AW319_linde_002.asc 7", text, StringComparison.Ordinal);
            Assert.Contains("creditsMatched 14 tariffCorrections 2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Cannot read the dashboard data", text, StringComparison.Ordinal);

            Assert.DoesNotContain(DashboardScenario.NightlyBsn, dom, StringComparison.Ordinal);
            await Privacy.AssertNoBsnAsync(_database, dom);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await running);
        }
    }

    [GeneratedRegex(@"dashboard on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningOn();

    /// <summary>Collects what a command writes, line by line, safe to read while it writes.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly Lock _lock = new();
        private readonly System.Text.StringBuilder _text = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_lock)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                _text.Append(value);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }

        public async Task<string> WaitForAsync(Regex pattern, Task<int> command)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                if (pattern.Match(ToString()) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }

                if (command.IsCompleted)
                {
                    Assert.Fail($"wlz dashboard ended with {await command}: {this}");
                }

                Assert.True(DateTime.UtcNow < deadline, $"wlz dashboard did not say where it listens: {this}");
                await Task.Delay(50);
            }
        }
    }
}
