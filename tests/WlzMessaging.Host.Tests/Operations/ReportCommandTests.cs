using System.Text.Json;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class ReportCommandTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        await ReportScenario.SeedAsync(_database.DataSource);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<Wlz.Outcome> ReportAsync(params string[] extra) =>
        Wlz.RunAsync(["report", "--from", "2025-03-01", "--to", "2025-03-31", "--connection", _database.ConnectionString, .. extra]);

    [Fact]
    public async Task The_table_shows_files_turnaround_lines_codes_providers_and_the_lists()
    {
        var outcome = await ReportAsync();

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        var text = outcome.Out;
        Assert.Contains("Files received 2025-03-01 to 2025-03-31 (as of ", text, StringComparison.Ordinal);
        Assert.Contains("; days in Europe/Amsterdam)", text, StringComparison.Ordinal);
        Assert.Contains("received 8: processed 5, rejected as a whole 1, quarantined 1, in work 1", text, StringComparison.Ordinal);
        Assert.Contains("median 1.5 days, longest 23 days; within the aim 4 of 6 (66.7%)", text, StringComparison.Ordinal);
        Assert.Contains("13 lines: approved 8 (61.5%), rejected 5 (38.5%)", text, StringComparison.Ordinal);
        Assert.Contains("late 1; period unknown 1", text, StringComparison.Ordinal);
        Assert.Matches(@"8290\s+3\s+60\.0%\s+Er is geen \(correcte\) melding aanvang zorg \(MAZ\) aanwezig", text);
        Assert.Contains("Files rejected as a whole (0001), by cause", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  0001 \+ 0030\s+1\s+100\.0%\s+Factuurnummer niet uniek", text);
        Assert.DoesNotMatch(@"\n  0001\s+1\s", text);   // 0001 is said once, with its cause, not counted again as a code of its own
        Assert.Matches(@"73730001\s+Zorggroep De Linde\s+4\s+", text);
        Assert.Matches(@"linde-stuck\.asc\s+73730001\s+claimed\s+2025-03-02\s+not yet\s+\d+", text);
        Assert.Matches(@"linde-jan\.asc\s+73730001\s+2025-01-31\s+2025-02-25\s+2025-03-04\s+5", text);
        await Privacy.AssertNoBsnAsync(_database, text);
    }

    [Fact]
    public async Task The_json_holds_the_same_figures()
    {
        var outcome = await ReportAsync("--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Out);
        var root = json.RootElement;
        Assert.Equal("2025-03-01", root.GetProperty("from").GetString());
        var total = root.GetProperty("total");
        Assert.Equal(8, total.GetProperty("files").GetInt64());
        Assert.Equal(1.5, total.GetProperty("medianDays").GetDouble());
        Assert.Equal(23, total.GetProperty("maxDays").GetInt32());
        Assert.Equal(5, root.GetProperty("targets").GetProperty("aimDays").GetInt32());
        var first = root.GetProperty("retourcodes")[0];
        Assert.Equal("8290", first.GetProperty("code").GetString());
        Assert.Equal(3, first.GetProperty("count").GetInt64());
        Assert.Equal(0.6, first.GetProperty("share").GetDouble(), 3);
        var linde = root.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("agb").GetString() == "73730001");
        Assert.Equal("Zorggroep De Linde", linde.GetProperty("name").GetString());
        Assert.Equal("8290", linde.GetProperty("retourcodes")[0].GetProperty("code").GetString());

        // A total is no provider: no AGB, no name.
        Assert.False(total.TryGetProperty("agb", out _));
        Assert.False(total.TryGetProperty("name", out _));

        // AGB codes are strings of eight digits everywhere (null only for files read too little to know it).
        var agbs = root.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("agb"))
            .Concat(root.GetProperty("overLimit").EnumerateArray().Select(o => o.GetProperty("agb")))
            .Concat(root.GetProperty("late").EnumerateArray().Select(l => l.GetProperty("agb")))
            .ToList();
        Assert.NotEmpty(agbs);
        Assert.All(agbs, a => Assert.True(a.ValueKind == JsonValueKind.Null || (a.ValueKind == JsonValueKind.String && a.GetString()!.Length == 8), a.GetRawText()));

        // Files rejected as a whole, by cause, labelled as whole-file; amounts in cents under names that say so.
        var wholeFile = Assert.Single(root.GetProperty("wholeFileRejections").EnumerateArray());
        Assert.Equal(("0030", 1L, 1.0, "whole file"), (wholeFile.GetProperty("code").GetString(), wholeFile.GetProperty("files").GetInt64(), wholeFile.GetProperty("share").GetDouble(), wholeFile.GetProperty("scope").GetString()));
        var baken = root.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("agb").GetString() == "73730002");
        Assert.Equal("0030", Assert.Single(baken.GetProperty("wholeFileRejections").EnumerateArray()).GetProperty("code").GetString());
        Assert.False(root.TryGetProperty("fileRetourcodes", out _));
        Assert.Equal(JsonValueKind.Number, total.GetProperty("declaredCents").ValueKind);
        Assert.Equal(JsonValueKind.Number, total.GetProperty("productionCents").ValueKind);
        Assert.Equal(5, root.GetProperty("late")[0].GetProperty("workingDaysLate").GetInt32());
        await Privacy.AssertNoBsnAsync(_database, outcome.Out);
    }

    [Fact]
    public async Task The_csv_has_a_line_per_provider_and_the_total_with_the_json_s_figures()
    {
        var csv = await ReportAsync("--format", "csv");
        var json = JsonDocument.Parse((await ReportAsync("--format", "json")).Out).RootElement;

        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(WlzMessaging.Operations.Report.ReportCsvWriter.Header, lines[0]);
        var providers = json.GetProperty("providers").EnumerateArray().ToList();
        Assert.Equal(providers.Count + 2, lines.Length);
        var header = lines[0].Split(';');
        var linde = lines.Skip(1).Select(l => l.Split(';')).Single(f => f[0] == "73730001");
        var lindeJson = providers.Single(p => p.GetProperty("agb").GetString() == "73730001");
        Assert.Equal("Zorggroep De Linde", linde[1]);
        Assert.Equal(lindeJson.GetProperty("files").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), linde[Array.IndexOf(header, "files")]);
        Assert.Equal(lindeJson.GetProperty("declaredCents").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), linde[Array.IndexOf(header, "declared_cents")]);
        var total = lines[^1].Split(';');
        Assert.Equal(("", "total"), (total[0], total[1]));
        Assert.Equal(json.GetProperty("total").GetProperty("lines").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), total[Array.IndexOf(header, "lines")]);
        Assert.All(lines, l => Assert.Equal(header.Length, l.Split(';').Length));
    }

    [Fact]
    public async Task A_period_without_files_says_so()
    {
        var outcome = await Wlz.RunAsync("report", "--from", "2020-01-01", "--to", "2020-01-31", "--connection", _database.ConnectionString);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("received 0:", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("no file answered", outcome.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "report", "--from", "2025-03-02", "--to", "2025-03-01" }, "wlz report: --from 2025-03-02 is after --to 2025-03-01")]
    [InlineData(new[] { "report", "--format", "xml" }, "wlz report: --format: 'xml' is not table, json or csv")]
    [InlineData(new[] { "report", "--from", "March" }, "wlz report: --from: 'March' is not a date YYYY-MM-DD")]
    public async Task A_wrong_command_line_is_a_usage_error(string[] args, string message)
    {
        var outcome = await Wlz.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(message, outcome.ErrorLines[0]);
    }
}
