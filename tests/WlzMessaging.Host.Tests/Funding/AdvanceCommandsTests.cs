using System.Text.Json;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;

namespace WlzMessaging.Host.Tests.Funding;

/// <summary>The funding commands at their edges: exit codes, one-line refusals, warnings, tables.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdvanceCommandsTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string A = "41000001";
    private const string B = "41000002";

    private readonly TempDirectory _out = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        var seed = new FundingSeed(_database.DataSource);
        await seed.ProviderAsync(A, "werkvoorschot");
        await seed.ProviderAsync(B, "achteraf");
        await seed.AfspraakAsync(A, 2024, 120_000_000, "2024-01-01");
        await seed.InvorderingAsync(A, 2023, 5_000_000);
        await seed.FileAsync(A, "2024-02-10", SeedLine.Amount("H126", "2024-01-15", 9_500_000));
        await seed.FileAsync("41000099", "2024-02-10", SeedLine.Amount("H126", "2024-01-15", 1_000));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _out.Dispose();
    }

    [Fact]
    public async Task A_run_shows_a_table_for_review_by_default()
    {
        var run = await WlzAsync("advance", "run", "--date", "2024-03-01");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.StartsWith("Advance run 2024-03-01: draft, computed ", lines[0], StringComparison.Ordinal);
        Assert.Matches(" computed 20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} (CET|CEST), no approved run before it$", lines[0]);
        Assert.Equal("Protocols: 2023: vgz-wlz 2024 v1 (carried to 2023); 2024: vgz-wlz 2024 v1", lines[1]);
        Assert.Equal(
            [
                "41000001  paid €45,000.00  recovery still open €0.00",
                $"  2024  {"productie",-37} {"+€95,000.00",16}",
                $"  2023  {"invordering",-37} {"-€50,000.00",16}",
                "  2024  production: J €1,200,000.00, e 2, cap €200,000.00, Pc €95,000.00, Px €0.00, due €95,000.00, paid before €0.00, withheld €0.00",
                "41000002  paid €0.00  recovery still open €0.00",
                "",
                "Total paid: €45,000.00 to 1 of 2 providers; recoveries still open: €0.00",
                "",
            ],
            lines[3..]);
        Assert.Equal("wlz advance run: warning: not among the providers, so not paid: 41000099\n", run.Error);
    }

    [Fact]
    public async Task Running_a_date_again_says_that_it_replaced_the_draft_and_dropped_its_adjustments()
    {
        await WlzAsync("advance", "run", "--date", "2024-01-01");
        var adjust = await WlzAsync("advance", "adjust", "--date", "2024-01-01", "--agb", A, "--amount", "0", "--reason", "x", "--by", "y");
        Assert.Equal(ExitCodes.Ok, adjust.ExitCode);

        var again = await WlzAsync("advance", "run", "--date", "2024-01-01", "--format", "json");

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains(
            "wlz advance run: warning: replaced the earlier draft of 2024-01-01: its 1 adjustment(s) no longer apply\n",
            again.Error,
            StringComparison.Ordinal);
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(5_204_082, json.RootElement.GetProperty("providers")[0].GetProperty("totalCents").GetInt64());
    }

    [Fact]
    public async Task A_run_after_a_draft_that_is_not_approved_warns_that_it_does_not_count_it()
    {
        await WlzAsync("advance", "run", "--date", "2024-01-01");

        var february = await WlzAsync("advance", "run", "--date", "2024-02-01", "--format", "json");

        Assert.Contains(
            "wlz advance run: warning: the run of 2024-01-01 is still a draft: this run counts only approved runs, so compute it again after approving that one\n",
            february.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_before_an_approved_run_fails_with_one_line()
    {
        await WlzAsync("advance", "run", "--date", "2024-02-01");
        await WlzAsync("advance", "approve", "--date", "2024-02-01", "--by", "finance", "--out", _out.Path);

        var refused = await WlzAsync("advance", "run", "--date", "2024-01-01");

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Equal(
            "wlz advance run: the run of 2024-02-01 is approved: a run on 2024-01-01, before it, would change what later runs computed from and is refused\n",
            refused.Error);
        Assert.Equal("", refused.Out);
    }

    [Fact]
    public async Task An_approved_run_cannot_be_approved_again_adjusted_or_discarded()
    {
        await WlzAsync("advance", "run", "--date", "2024-01-01");
        var approve = await WlzAsync("advance", "approve", "--date", "2024-01-01", "--by", "finance", "--out", _out.Path);
        Assert.Equal(ExitCodes.Ok, approve.ExitCode);
        Assert.StartsWith("approved the run of 2024-01-01 by finance on ", approve.Out, StringComparison.Ordinal);
        Assert.EndsWith(
            $"\npayment order {_out.File("betaalopdracht-2024-01-01.csv")}: 1 payment(s), total €52,040.82\n",
            approve.Out,
            StringComparison.Ordinal);

        var again = await WlzAsync("advance", "approve", "--date", "2024-01-01", "--by", "finance", "--out", _out.Path);
        var adjust = await WlzAsync("advance", "adjust", "--date", "2024-01-01", "--agb", A, "--amount", "0", "--reason", "x", "--by", "y");
        var discard = await WlzAsync("advance", "discard", "--date", "2024-01-01");

        Assert.Equal([ExitCodes.Failure, ExitCodes.Failure, ExitCodes.Failure], [again.ExitCode, adjust.ExitCode, discard.ExitCode]);
        Assert.Matches("^wlz advance approve: the run of 2024-01-01 is approved \\(by finance on .* UTC\\) and cannot change\n$", again.Error);
        Assert.Matches("^wlz advance adjust: the run of 2024-01-01 is approved \\(by finance on .* UTC\\) and cannot change\n$", adjust.Error);
        Assert.Matches("^wlz advance discard: the run of 2024-01-01 is approved \\(by finance on .* UTC\\) and cannot change\n$", discard.Error);
    }

    [Fact]
    public async Task An_adjustment_of_an_item_the_run_has_several_of_names_them()
    {
        await WlzAsync("advance", "run", "--date", "2024-01-01");

        var refused = await WlzAsync(
            "advance", "adjust", "--date", "2024-01-01", "--agb", B, "--amount", "100", "--reason", "x", "--by", "y");
        var named = await WlzAsync(
            "advance", "adjust", "--date", "2024-01-01", "--agb", B, "--amount", "100", "--reason", "uitzondering", "--by", "y",
            "--kind", "werkvoorschot", "--year", "2024");

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Equal(
            "wlz advance adjust: provider 41000002 has no item to adjust in the run of 2024-01-01: name the kind and year of the item to set\n",
            refused.Error);
        Assert.Equal(ExitCodes.Ok, named.ExitCode);
        Assert.StartsWith(
            "41000002 werkvoorschot 2024 in the run of 2024-01-01: €0.00 -> +€1.00 (computed €0.00); paid €0.00 -> €1.00, recovery still open €0.00\n",
            named.Out,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kind", "invordering", "--kind: 'invordering' is not werkvoorschot, productie or verrekening-werkvoorschot")]
    [InlineData("--amount", "12.50", "--amount: '12.50' is not a whole number")]
    [InlineData("--agb", "4100001", "--agb: '4100001' is not an AGB code of 8 digits")]
    [InlineData("--year", "24", "--year: 24 is out of range (2000..2100)")]
    public async Task Adjust_refuses_a_malformed_option_as_a_usage_error(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--date"] = "2024-01-01",
            ["--agb"] = A,
            ["--amount"] = "0",
            ["--reason"] = "x",
            ["--by"] = "y",
        };
        args[option] = value;

        var outcome = await WlzAsync(["advance", "adjust", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Equal($"wlz advance adjust: {message}", outcome.ErrorLines[0]);
    }

    [Theory]
    [InlineData(new[] { "advance", "run", "--date", "2024-01-02" }, ExitCodes.Failure, "wlz advance run: a run falls on the first of a month, not on 2024-01-02")]
    [InlineData(new[] { "advance", "run", "--date", "1-1-2024" }, ExitCodes.Usage, "wlz advance run: --date: '1-1-2024' is not a date YYYY-MM-DD")]
    [InlineData(new[] { "advance", "run", "--date", "2024-01-01", "--format", "xml" }, ExitCodes.Usage, "wlz advance run: --format: 'xml' is not table or json")]
    [InlineData(new[] { "advance", "run" }, ExitCodes.Usage, "wlz advance run: Option '--date' is required.")]
    [InlineData(new[] { "advance", "run", "--date", "2099-01-01" }, ExitCodes.Usage, "wlz advance run: --date: 2099-01-01 is outside 2000-01-01 .. ")]
    [InlineData(new[] { "advance", "approve", "--date", "2024-01-01", "--by", "x" }, ExitCodes.Usage, "wlz advance approve: Option '--out' is required.")]
    [InlineData(new[] { "advance", "approve", "--date", "2024-03-01", "--by", "x", "--out", "/tmp" }, ExitCodes.Failure, "wlz advance approve: there is no run of 2024-03-01: compute it first")]
    [InlineData(new[] { "advance", "discard", "--date", "2024-03-01" }, ExitCodes.Failure, "wlz advance discard: there is no run of 2024-03-01")]
    [InlineData(new[] { "statement", "--agb", "41000001", "--year", "2024" }, ExitCodes.Failure, "wlz statement: no approved run since 2024-01-01 has provider 41000001")]
    [InlineData(new[] { "statement", "--agb", "x", "--year", "2024" }, ExitCodes.Usage, "wlz statement: --agb: 'x' is not an AGB code of 8 digits")]
    [InlineData(new[] { "advance", "show", "--date", "2024-03-01" }, ExitCodes.Failure, "wlz advance show: there is no run of 2024-03-01")]
    [InlineData(new[] { "advance" }, ExitCodes.Usage, "wlz: 'advance' needs one of: adjust, approve, discard, run, show")]
    public async Task Each_way_a_command_ends_badly_is_one_line_and_an_exit_code(string[] args, int exitCode, string error)
    {
        var outcome = await WlzAsync(args);

        Assert.Equal(exitCode, outcome.ExitCode);
        Assert.StartsWith(error, outcome.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public async Task Show_reads_a_draft_as_it_stands_after_an_adjustment_with_who_when_and_why()
    {
        await WlzAsync("advance", "run", "--date", "2024-03-01");
        await WlzAsync(
            "advance", "adjust", "--date", "2024-03-01", "--agb", A, "--amount", "9000000", "--reason", "steekproef", "--by", "j.jansen",
            "--kind", "productie", "--year", "2024");

        var json = await WlzAsync("advance", "show", "--date", "2024-03-01", "--format", "json");
        var table = await WlzAsync("advance", "show", "--date", "2024-03-01");

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var provider = document.RootElement.GetProperty("providers")[0];
        Assert.Equal(4_000_000, provider.GetProperty("totalCents").GetInt64());
        Assert.Equal(
            ["productie 9500000", "correctie -500000", "invordering -5000000"],
            provider.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("kind").GetString()} {i.GetProperty("amountCents").GetInt64()}"));
        Assert.Contains($"\n  2024  {"correctie of productie",-37} {"-€5,000.00",16}\n", table.Out, StringComparison.Ordinal);
        Assert.Matches(
            "\nAdjustments\n  41000001  productie 2024: \\+€95,000\\.00 -> \\+€90,000\\.00 \\(computed \\+€95,000\\.00\\) by j\\.jansen on [0-9: -]+ CES?T: steekproef\n",
            table.Out);
        Assert.Equal("wlz advance show: warning: not among the providers, so not paid: 41000099\n", table.Error);
    }

    [Fact]
    public async Task A_discarded_draft_is_gone_and_its_date_can_be_run_again()
    {
        await WlzAsync("advance", "run", "--date", "2024-01-01");

        var discard = await WlzAsync("advance", "discard", "--date", "2024-01-01");
        var again = await WlzAsync("advance", "run", "--date", "2024-01-01");

        Assert.Equal("discarded the draft of 2024-01-01\n", discard.Out);
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.DoesNotContain("replaced", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statement_table_is_provisional_before_the_final_run()
    {
        foreach (var date in new[] { "2024-01-01", "2024-02-01", "2024-03-01" })
        {
            await WlzAsync("advance", "run", "--date", date);
            await WlzAsync("advance", "approve", "--date", date, "--by", "finance", "--out", _out.Path);
        }

        var statement = await WlzAsync("statement", "--agb", A, "--year", "2024");

        Assert.Equal(ExitCodes.Ok, statement.ExitCode);
        Assert.StartsWith("Statement 2024 of 41000001 (provisional, figures of the run of 2024-03-01)\n", statement.Out, StringComparison.Ordinal);
        Assert.Contains($"\n{"Werkvoorschot paid",-34}{"€204,081.64",18}\n", statement.Out, StringComparison.Ordinal);
        Assert.Contains($"\n{"Outstanding (due - paid)",-34}{"-€204,081.64",18}\n", statement.Out, StringComparison.Ordinal);
        Assert.Contains($"\n{"Final difference",-34}{"after the run of 2025-04-01",18}\n", statement.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_connection_the_commands_use_the_embedded_database_of_the_data_directory()
    {
        using var dataDir = new TempDirectory();
        var store = Path.Combine(dataDir.Path, "wlz");

        var init = await Wlz.RunAsync("init", "--data-dir", store);
        Assert.Equal(ExitCodes.Ok, init.ExitCode);
        Assert.Equal($"created a new store: embedded PostgreSQL in {store}\n", init.Out);
        var again = await Wlz.RunAsync("init", "--data-dir", store);
        Assert.Equal($"the store is ready (it existed): embedded PostgreSQL in {store}\n", again.Out);

        var run = await Wlz.RunAsync("advance", "run", "--date", "2024-01-01", "--format", "json", "--data-dir", store);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("{\n  \"date\": \"2024-01-01\",\n  \"providers\": []\n}\n", run.Out.ReplaceLineEndings("\n"));
    }

    private Task<Wlz.Outcome> WlzAsync(params string[] args) =>
        Wlz.RunAsync([.. args, "--connection", _database.ConnectionString]);
}
