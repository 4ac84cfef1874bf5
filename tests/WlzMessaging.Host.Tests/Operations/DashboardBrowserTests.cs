using System.Text.RegularExpressions;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
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
            Assert.Contains("Throughput (lines per minute) 0 ", text, StringComparison.Ordinal);
            Assert.Contains("last 60 s; 60 lines in 3 files, last hour", text, StringComparison.Ordinal);
            Assert.Contains("Inbox 7 files waiting", text, StringComparison.Ordinal);
            Assert.Contains("AW320s written, last hour 3 ", text, StringComparison.Ordinal);
            Assert.Contains("Files in work 1 AW319_linde_002.asc; 3 answered, 0 quarantined since start", text, StringComparison.Ordinal);
            Assert.Contains("8290 Er is geen (correcte) melding aanvang zorg (MAZ) aanwezig 6 ", text, StringComparison.Ordinal);
            Assert.Contains("8226 Prestatie niet conform de (productie)afspraken 3 ", text, StringComparison.Ordinal);
            Assert.Contains("73730001 Zorggroep De Linde 1 0 47 40 7 14.9%", text, StringComparison.Ordinal);
            Assert.Contains("73730002 Stichting Het Baken 2 1 13 10 3 23.1%", text, StringComparison.Ordinal);

            // Whole-file rejections in the retourcode panel, labelled so, counted in files.
            Assert.Matches(@"0001 \+ 0030 whole file: Factuurnummer[^0-9]* 1 file 100\.0%", text);
            Assert.Contains("8290 Er is geen (correcte) melding aanvang zorg (MAZ) aanwezig 6 lines", text, StringComparison.Ordinal);

            // Times in Amsterdam with the zone; no UTC.
            Assert.Matches(@"updated \d{4}-\d\d-\d\d \d\d:\d\d CES?T", text);
            Assert.Matches(@"written \d{4}-\d\d-\d\d \d\d:\d\d CES?T", text);
            Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);
            Assert.Contains("AW319_baken_002.aw320", text, StringComparison.Ordinal);
            Assert.Contains($"{DashboardScenario.WorkerId} wlz-1 4242 processing AW319_linde_002.asc 7", text, StringComparison.Ordinal);
            // The nightly report as a small table of labelled figures, not a camelCase tree.
            Assert.Contains("<table id=\"nightly-figures\">", dom, StringComparison.Ordinal);
            Assert.Contains("figure value Tariff corrections 2 Credits matched 14", text, StringComparison.Ordinal);
            Assert.DoesNotContain("creditsMatched", text, StringComparison.Ordinal);
            Assert.DoesNotContain("lateMaz", text, StringComparison.Ordinal);
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

    [ChromiumFact]
    public async Task The_forecast_chart_shows_each_provider_s_year_end_result()
    {
        // ForecastTests' first scenario: 8,500,000 a month, runs of January to June 2024 approved → a year-end payment of
        // 4 × 8,500,000 − 2 × 10,204,082 = 13,591,836 cents.
        const string agb = "41000001";
        var seed = new WlzMessaging.Testing.Funding.FundingSeed(_database.DataSource);
        await seed.ProviderAsync(agb, "werkvoorschot");
        await seed.AfspraakAsync(agb, 2024, 120_000_000, "2024-01-01");
        for (var month = 2; month <= 6; month++)
        {
            await seed.FileAsync(agb, $"2024-{month:D2}-10",
                WlzMessaging.Testing.Funding.SeedLine.Amount("H126", $"2024-{month - 1:D2}-01", 8_000_000),
                WlzMessaging.Testing.Funding.SeedLine.Amount("M001", $"2024-{month - 1:D2}-01", 500_000));
        }

        using var orders = new TempDirectory();
        for (var month = 1; month <= 6; month++)
        {
            var date = $"2024-{month:D2}-01";
            Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["advance", "run", "--date", date, "--connection", _database.ConnectionString])).ExitCode);
            Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["advance", "approve", "--date", date, "--by", "test", "--out", orders.Path, "--connection", _database.ConnectionString])).ExitCode);
        }

        var output = new LineWriter();
        using var stop = new CancellationTokenSource();
        var running = new CliApp(CommandRegistry.Default()).RunAsync(
            ["dashboard", "--urls", "http://127.0.0.1:0", "--connection", _database.ConnectionString],
            new CliConsole(output, output),
            stop.Token);
        try
        {
            var url = await output.WaitForAsync(ListeningOn(), running);

            var dom = await Chromium.DumpDomAsync(url + "?year=2024");

            var text = Regex.Replace(Regex.Replace(dom, "<[^>]+>", " "), @"\s+", " ");
            Assert.Contains("year 2024, from the run of 2024-07-01", text, StringComparison.Ordinal);
            Assert.Contains("41000001 paid so far €544,081.64", text, StringComparison.Ordinal);
            Assert.Contains("payment €135,918.36", text, StringComparison.Ordinal);
            Assert.Contains("<svg class=\"forecast\"", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("Cannot read the forecast", text, StringComparison.Ordinal);
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
