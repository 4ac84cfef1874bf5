using System.Globalization;
using System.Text.Json;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Testing;
using WlzMessaging.Testing.Funding;

namespace WlzMessaging.Host.Tests.Funding;

/// <summary>
/// A full year end to end on a real PostgreSQL, through the commands in-process: reference rows and AW319 files received
/// month by month stored in the database, then every run from 2024-01-01 to 2025-04-01 computed (<c>wlz advance run</c>),
/// one of them adjusted (<c>wlz advance adjust</c>), each approved (<c>wlz advance approve</c>), and the statements of
/// 2024 read (<c>wlz statement</c>). Every amount below is computed by hand in the comments.
/// </summary>
/// <remarks>
/// <para>P1 41000001, werkvoorschot. J2024 120,000,000 (W = 120,000,000 × 100 / 98 / 12 = 10,204,081.63 → 10,204,082), a
/// herschikking to 144,000,000 from 2024-09-15, J2025 132,000,000 (W = 11,224,489.80 → 11,224,490). An open 2023
/// recovery of 15,000,000, larger than the January payment. Z015 goes from 20,000 to 21,000 on 2024-04-10: the 1,200 days
/// received before (500 + 400 + 300) earn 1,200,000 from the run of 2024-05-01. M001 (exempt) 400,000 received in March.
/// Lines received (capped prestaties, by the month of receipt): Feb 10.0M; Mar 10.0M (Z015 8.0M, H126 3.0M, a credit line
/// of −1.0M); Apr 10.0M; May 10.5M; Jun 12.0M; Jul 11.0M; Aug 20.0M; Sep 15.0M; Oct 14.0M; Nov 10.0M; Dec 9.0M; in 2025 of
/// 2024: Jan 6.0M, Feb 2.0M, Mar a credit of −0.5M; of 2025: Feb 11.0M, Mar 10.0M.</para>
/// <para>
/// | run | e | J | Cap | Pc | Due (+ Px 0.4M from April) | item |
/// | 2024-03 | 2 | 120M | 20M | 10.0M | 10.0M | 10,000,000 |
/// | 2024-04 | 3 | 120M | 30M | 20.0M | 20.4M | 10,400,000 |
/// | 2024-05 | 4 | 120M | 40M | 31.2M (incl. 1.2M tariff) | 31.6M | 11,200,000 |
/// | 2024-06 | 5 | 120M | 50M | 41.7M | 42.1M | 10,500,000 |
/// | 2024-07 | 6 | 120M | 60M | 53.7M | 54.1M | 12,000,000, set to 11,000,000 by the operator |
/// | 2024-08 | 7 | 120M | 70M | 64.7M | 65.1M | 65.1M − 53.1M paid = 12,000,000 (the 1.0M held back comes back) |
/// | 2024-09 | 8 | 120M | 80M | 84.7M | 80.4M (4.7M withheld) | 15,300,000 |
/// | 2024-10 | 9 | 144M | 108M | 99.7M | 100.1M | 19,700,000 (the herschikking pays what was withheld) |
/// | 2024-11 | 10 | 144M | 120M | 113.7M | 114.1M | 14,000,000 |
/// | 2024-12 | 11 | 144M | 132M | 123.7M | 124.1M | 10,000,000 |
/// | 2025-01 | 12 | 144M | 144M | 132.7M | 133.1M | 9,000,000; settlement −10,204,082; W2025 11,224,490: pays 10,020,408 |
/// | 2025-02 | 12 | 144M | 144M | 138.7M | 139.1M | 6,000,000; settlement −10,204,082; W2025 11,224,490: pays 7,020,408 |
/// | 2025-03 | 12 | 144M | 144M | 140.7M | 141.1M | 2,000,000; and 2025: cap 22M, Pc 11M: 11,000,000 |
/// | 2025-04 | 12 | 144M | 144M | 140.2M | 140.6M | −500,000 (final); and 2025: cap 33M, Pc 21M: 10,000,000 |
/// </para>
/// <para>P2 41000002, achteraf with a crisisafspraak, J2024 36,000,000 (never capped here). MNDP: 100 × Z020 at 15,000
/// submitted 2024-03-05 counts 1,500,000 from April; 50 at 14,000 (contracted 15,000) submitted 2024-04-05 is rejected.
/// Lines: received Mar 3.0M, Apr 1.5M, May a credit of −4.5M, Jun 1.5M, Aug 1.0M, Sep 0.3M, Oct 2.5M. Due by run: Apr 4.5M,
/// May 6.0M, Jun 1.5M (item −4.5M: a recovery of 4,500,000), Jul 3.0M (+1.5M, offset), Sep 4.0M (+1.0M, offset), Oct 4.3M
/// (+0.3M, offset), Nov 6.8M (+2.5M: 1.7M offsets the rest of the recovery, 800,000 paid).</para>
/// <para>P3 41000003, werkvoorschot, J2024 24,000,000 (W 2,040,816.33 → 2,040,816), J2025 12,000,000 (W 1,020,408). 2024
/// lines: 2.0M received in June. 2025 lines: 1.5M received in February, 1.0M in March. Each settlement run of 2025 nets
/// −2,040,816 + 1,020,408 = −1,020,408: a recovery of 2024 of 2,040,816 in all, offset by the 2025 production items
/// (1,500,000 in March, 540,816 of the 1,000,000 in April, which pays 459,184).</para>
/// </remarks>
[Collection(PostgresCollection.Name)]
public sealed class FullYearTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const string P1 = "41000001";
    private const string P2 = "41000002";
    private const string P3 = "41000003";

    private const string W = "werkvoorschot";
    private const string P = "productie";
    private const string V = "verrekening-werkvoorschot";
    private const string I = "invordering";

    private static readonly SemaphoreSlim s_once = new(1, 1);
    private static Year? s_year;

    private Year _year = null!;

    /// <summary>What each run pays each provider, as <c>wlz advance run</c> computes it (before review).</summary>
    public static TheoryData<string, string, long, long, string> Expected => new()
    {
        { "2024-01-01", P1, 0, 4_795_918, "2024 werkvoorschot 10204082; 2023 invordering -10204082" },
        { "2024-01-01", P2, 0, 0, "" },
        { "2024-01-01", P3, 2_040_816, 0, "2024 werkvoorschot 2040816" },
        { "2024-02-01", P1, 5_408_164, 0, "2024 werkvoorschot 10204082; 2023 invordering -4795918" },
        { "2024-02-01", P2, 0, 0, "" },
        { "2024-02-01", P3, 2_040_816, 0, "2024 werkvoorschot 2040816" },
        { "2024-03-01", P1, 10_000_000, 0, "2024 productie 10000000" },
        { "2024-03-01", P2, 0, 0, "" },
        { "2024-03-01", P3, 0, 0, "" },
        { "2024-04-01", P1, 10_400_000, 0, "2024 productie 10400000" },
        { "2024-04-01", P2, 4_500_000, 0, "2024 productie 4500000" },
        { "2024-04-01", P3, 0, 0, "" },
        { "2024-05-01", P1, 11_200_000, 0, "2024 productie 11200000" },
        { "2024-05-01", P2, 1_500_000, 0, "2024 productie 1500000" },
        { "2024-06-01", P1, 10_500_000, 0, "2024 productie 10500000" },
        { "2024-06-01", P2, 0, 4_500_000, "2024 productie -4500000" },
        { "2024-07-01", P1, 12_000_000, 0, "2024 productie 12000000" },
        { "2024-07-01", P2, 0, 3_000_000, "2024 productie 1500000; 2024 invordering -1500000" },
        { "2024-07-01", P3, 2_000_000, 0, "2024 productie 2000000" },
        { "2024-08-01", P1, 12_000_000, 0, "2024 productie 12000000" },
        { "2024-08-01", P2, 0, 3_000_000, "" },
        { "2024-08-01", P3, 0, 0, "" },
        { "2024-09-01", P1, 15_300_000, 0, "2024 productie 15300000" },
        { "2024-09-01", P2, 0, 2_000_000, "2024 productie 1000000; 2024 invordering -1000000" },
        { "2024-10-01", P1, 19_700_000, 0, "2024 productie 19700000" },
        { "2024-10-01", P2, 0, 1_700_000, "2024 productie 300000; 2024 invordering -300000" },
        { "2024-11-01", P1, 14_000_000, 0, "2024 productie 14000000" },
        { "2024-11-01", P2, 800_000, 0, "2024 productie 2500000; 2024 invordering -1700000" },
        { "2024-12-01", P1, 10_000_000, 0, "2024 productie 10000000" },
        { "2024-12-01", P2, 0, 0, "" },
        { "2025-01-01", P1, 10_020_408, 0, "2024 productie 9000000; 2024 verrekening-werkvoorschot -10204082; 2025 werkvoorschot 11224490" },
        { "2025-01-01", P2, 0, 0, "" },
        { "2025-01-01", P3, 0, 1_020_408, "2024 verrekening-werkvoorschot -2040816; 2025 werkvoorschot 1020408" },
        { "2025-02-01", P1, 7_020_408, 0, "2024 productie 6000000; 2024 verrekening-werkvoorschot -10204082; 2025 werkvoorschot 11224490" },
        { "2025-02-01", P3, 0, 2_040_816, "2024 verrekening-werkvoorschot -2040816; 2025 werkvoorschot 1020408" },
        { "2025-03-01", P1, 13_000_000, 0, "2024 productie 2000000; 2025 productie 11000000" },
        { "2025-03-01", P2, 0, 0, "" },
        { "2025-03-01", P3, 0, 540_816, "2025 productie 1500000; 2024 invordering -1500000" },
        { "2025-04-01", P1, 9_500_000, 0, "2024 productie -500000; 2025 productie 10000000" },
        { "2025-04-01", P2, 0, 0, "" },
        { "2025-04-01", P3, 459_184, 0, "2025 productie 1000000; 2024 invordering -540816" },
    };

    public async Task InitializeAsync()
    {
        await s_once.WaitAsync();
        try
        {
            s_year ??= await Year.RunAsync(fixture);
        }
        finally
        {
            s_once.Release();
        }

        _year = s_year;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Expected))]
    public void Every_run_pays_every_provider_the_hand_computed_amount(
        string date, string agb, long totalCents, long recoveryBalanceCents, string items)
    {
        var provider = _year.Provider(date, agb);

        Assert.Equal(items, Items(provider));
        Assert.Equal(totalCents, provider.GetProperty("totalCents").GetInt64());
        Assert.Equal(recoveryBalanceCents, provider.GetProperty("recoveryBalanceCents").GetInt64());
    }

    [Fact]
    public void Every_run_has_every_provider_in_the_shape_of_the_issue()
    {
        foreach (var (date, run) in _year.Runs)
        {
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.Out);
            Assert.Equal(["date", "providers"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(date, json.RootElement.GetProperty("date").GetString());
            Assert.Equal([P1, P2, P3], json.RootElement.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("agb").GetString()));
            foreach (var provider in json.RootElement.GetProperty("providers").EnumerateArray())
            {
                Assert.Equal(["agb", "items", "totalCents", "recoveryBalanceCents"], provider.EnumerateObject().Select(p => p.Name));
                Assert.All(provider.GetProperty("items").EnumerateArray(), item =>
                    Assert.Equal(["year", "kind", "amountCents"], item.EnumerateObject().Select(p => p.Name)));
            }
        }
    }

    [Fact]
    public void Every_run_not_listed_pays_nothing_and_has_no_items()
    {
        var listed = Expected.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        foreach (var date in _year.Runs.Keys)
        {
            foreach (var agb in new[] { P1, P2, P3 }.Where(agb => !listed.Contains((date, agb))))
            {
                var provider = _year.Provider(date, agb);
                Assert.Equal("", Items(provider));
                Assert.Equal(0, provider.GetProperty("totalCents").GetInt64());
            }
        }
    }

    [Fact]
    public void The_operator_held_back_1_000_000_of_July_and_the_payment_order_pays_11_000_000()
    {
        var adjust = _year.Adjust;

        Assert.Equal(0, adjust.ExitCode);
        var lines = adjust.Out.Split('\n');
        Assert.Equal(
            "41000001 productie 2024 in the run of 2024-07-01: +€120,000.00 -> +€110,000.00 (computed +€120,000.00); paid €120,000.00 -> €110,000.00, recovery still open €0.00",
            lines[0]);
        Assert.Matches(@"^recorded as adjustment [0-9]+ by j\.jansen on [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} CES?T: steekproef loopt$", lines[1]);
        Assert.Equal("", lines[2]);
        Assert.Equal(
            "agb;amount;period;description\n" +
            "41000001;11000000;2024-07;Wlz-voorschot 2024-07: productie 2024 12000000, correctie productie 2024 -1000000\n" +
            "41000003;2000000;2024-07;Wlz-voorschot 2024-07: productie 2024 2000000\n" +
            "totaal;13000000;2024-07;2 betalingen\n",
            _year.PaymentOrders["2024-07-01"]);
    }

    [Fact]
    public void Every_payment_order_pays_the_providers_with_a_payment_and_totals_them()
    {
        foreach (var (date, csv) in _year.PaymentOrders)
        {
            var lines = csv.TrimEnd('\n').Split('\n');
            var payments = _year.Providers(date)
                .Select(p => (Agb: p.GetProperty("agb").GetString()!, Total: p.GetProperty("totalCents").GetInt64()))
                .Select(p => date == "2024-07-01" && p.Agb == P1 ? (p.Agb, Total: 11_000_000L) : p)
                .Where(p => p.Total > 0)
                .ToArray();

            Assert.Equal("agb;amount;period;description", lines[0]);
            Assert.Equal(payments.Select(p => $"{p.Agb};{p.Total};{date[..7]}"), lines[1..^1].Select(l => string.Join(';', l.Split(';')[..3])));
            Assert.Equal(
                $"totaal;{payments.Sum(p => p.Total)};{date[..7]};{payments.Length} {(payments.Length == 1 ? "betaling" : "betalingen")}",
                lines[^1]);
        }

        Assert.Equal(
            "agb;amount;period;description\n" +
            "41000001;5408164;2024-02;Wlz-voorschot 2024-02: werkvoorschot 2024 10204082, invordering 2023 -4795918\n" +
            "41000003;2040816;2024-02;Wlz-voorschot 2024-02: werkvoorschot 2024 2040816\n" +
            "totaal;7448980;2024-02;2 betalingen\n",
            _year.PaymentOrders["2024-02-01"]);
    }

    [Fact]
    public void The_rejected_MNDP_row_is_reported_from_the_first_run_after_it_was_submitted()
    {
        const string Warning =
            "wlz advance run: warning: MNDP 41000002 2024-03 Z020 (ingediend 2024-04-05) not counted: Tariff 14000 of Z020 on 2024-04-05: contracted 15000.";

        Assert.DoesNotContain(Warning, _year.Runs["2024-04-01"].Error, StringComparison.Ordinal);
        Assert.Contains(Warning, _year.Runs["2024-05-01"].Error, StringComparison.Ordinal);
        Assert.Contains(Warning, _year.Runs["2025-04-01"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_statement_of_P1_balances_after_the_final_run()
    {
        var statement = _year.Statements[P1].RootElement;

        Assert.True(statement.GetProperty("final").GetBoolean());
        Assert.Equal("2025-04-01", statement.GetProperty("figuresOfRun").GetString());
        Assert.Equal(144_000_000, statement.GetProperty("jaarafspraakCents").GetInt64());
        Assert.Equal(144_000_000, statement.GetProperty("capCents").GetInt64());
        Assert.Equal(140_200_000, statement.GetProperty("nonExemptProductionCents").GetInt64());
        Assert.Equal(140_200_000, statement.GetProperty("cappedProductionCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("withheldCents").GetInt64());
        Assert.Equal(400_000, statement.GetProperty("exemptProductionCents").GetInt64());
        Assert.Equal(140_600_000, statement.GetProperty("dueCents").GetInt64());
        Assert.Equal(20_408_164, statement.GetProperty("werkvoorschotPaidCents").GetInt64());
        Assert.Equal(20_408_164, statement.GetProperty("werkvoorschotSettledCents").GetInt64());
        Assert.Equal(141_600_000, statement.GetProperty("productionItemsCents").GetInt64());
        Assert.Equal(-1_000_000, statement.GetProperty("productionCorrectionsCents").GetInt64());
        Assert.Equal(-500_000, statement.GetProperty("finalDifferenceCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("outstandingCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("openRecoveryCents").GetInt64());

        var runs = statement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(16, runs.Length);
        Assert.Equal("2024-01-01", runs[0].GetProperty("date").GetString());
        Assert.Equal(10_204_082, runs[0].GetProperty("totalCents").GetInt64());
        var july = runs.Single(r => r.GetProperty("date").GetString() == "2024-07-01");
        Assert.Equal(
            """[{"year":2024,"kind":"productie","amountCents":12000000},{"year":2024,"kind":"correctie","adjusts":"productie","amountCents":-1000000}]""",
            JsonSerializer.Serialize(july.GetProperty("items")));
    }

    [Fact]
    public void The_statement_of_P2_shows_the_MNDP_in_production_and_no_werkvoorschot()
    {
        var statement = _year.Statements[P2].RootElement;

        Assert.Equal(36_000_000, statement.GetProperty("jaarafspraakCents").GetInt64());
        Assert.Equal(6_800_000, statement.GetProperty("nonExemptProductionCents").GetInt64());
        Assert.Equal(6_800_000, statement.GetProperty("dueCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("werkvoorschotPaidCents").GetInt64());
        Assert.Equal(6_800_000, statement.GetProperty("productionItemsCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("finalDifferenceCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("outstandingCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("openRecoveryCents").GetInt64());
    }

    [Fact]
    public void The_statement_of_P3_shows_the_werkvoorschot_settled_and_its_recovery_paid()
    {
        var statement = _year.Statements[P3].RootElement;

        Assert.Equal(2_000_000, statement.GetProperty("dueCents").GetInt64());
        Assert.Equal(4_081_632, statement.GetProperty("werkvoorschotPaidCents").GetInt64());
        Assert.Equal(4_081_632, statement.GetProperty("werkvoorschotSettledCents").GetInt64());
        Assert.Equal(2_000_000, statement.GetProperty("productionItemsCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("outstandingCents").GetInt64());
        Assert.Equal(0, statement.GetProperty("openRecoveryCents").GetInt64());
        Assert.Equal(
            ["2025-03-01 invordering -1500000", "2025-04-01 invordering -540816"],
            statement.GetProperty("runs").EnumerateArray()
                .Where(r => r.GetProperty("date").GetString()!.StartsWith("2025-03", StringComparison.Ordinal)
                    || r.GetProperty("date").GetString()!.StartsWith("2025-04", StringComparison.Ordinal))
                .SelectMany(r => r.GetProperty("items").EnumerateArray()
                    .Select(i => $"{r.GetProperty("date").GetString()} {i.GetProperty("kind").GetString()} {i.GetProperty("amountCents").GetInt64()}")));
    }

    [Fact]
    public void The_statement_table_shows_the_final_difference()
    {
        Assert.Equal(0, _year.StatementTable.ExitCode);
        Assert.StartsWith("Statement 2024 of 41000001 (final, figures of the run of 2025-04-01)\n", _year.StatementTable.Out, StringComparison.Ordinal);
        Assert.Contains($"\n{"Final difference (2025-04-01)",-34}{"-€5,000.00",18}\n", _year.StatementTable.Out, StringComparison.Ordinal);
        Assert.Contains($"\n  2024-07-01  {"correctie of productie",-37} {"-€10,000.00",16}\n", _year.StatementTable.Out, StringComparison.Ordinal);
    }

    private static string Items(JsonElement provider) =>
        string.Join("; ", provider.GetProperty("items").EnumerateArray().Select(i =>
            $"{i.GetProperty("year").GetInt32()} {i.GetProperty("kind").GetString()} {i.GetProperty("amountCents").GetInt64()}"));

    /// <summary>The year, run once for the class: the outputs of every command.</summary>
    private sealed class Year
    {
        public Dictionary<string, Wlz.Outcome> Runs { get; } = [];

        public Dictionary<string, string> PaymentOrders { get; } = [];

        public Dictionary<string, JsonDocument> Statements { get; } = [];

        public Wlz.Outcome Adjust { get; private set; } = null!;

        public Wlz.Outcome StatementTable { get; private set; } = null!;

        public JsonElement Provider(string date, string agb) => Providers(date).Single(p => p.GetProperty("agb").GetString() == agb);

        public IEnumerable<JsonElement> Providers(string date) =>
            JsonDocument.Parse(Runs[date].Out).RootElement.GetProperty("providers").EnumerateArray();

        public static async Task<Year> RunAsync(PostgresFixture fixture)
        {
            var database = await fixture.CreateDatabaseAsync();
            await SeedAsync(new FundingSeed(database.DataSource));
            var connection = database.ConnectionString;
            var registry = CommandRegistry.Default();
            var year = new Year();
            var output = Path.Combine(Path.GetTempPath(), "wlz-year-" + Guid.NewGuid().ToString("N"));
            try
            {
                foreach (var month in Months.From("2024-01-01", "2025-04-01"))
                {
                    var date = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    year.Runs[date] = await Wlz.RunAsync(registry, "advance", "run", "--date", date, "--format", "json", "--connection", connection);
                    if (date == "2024-07-01")
                    {
                        year.Adjust = await Wlz.RunAsync(
                            registry, "advance", "adjust", "--date", date, "--agb", P1, "--amount", "11000000",
                            "--reason", "steekproef loopt", "--by", "j.jansen", "--connection", connection);
                    }

                    var approve = await Wlz.RunAsync(registry, "advance", "approve", "--date", date, "--by", "finance", "--out", output, "--connection", connection);
                    Assert.True(approve.ExitCode == 0, approve.Error);
                    PaymentOrder(year, output, date);
                }

                foreach (var agb in new[] { P1, P2, P3 })
                {
                    var statement = await Wlz.RunAsync(registry, "statement", "--agb", agb, "--year", "2024", "--format", "json", "--connection", connection);
                    Assert.True(statement.ExitCode == 0, statement.Error);
                    year.Statements[agb] = JsonDocument.Parse(statement.Out);
                }

                year.StatementTable = await Wlz.RunAsync(registry, "statement", "--agb", P1, "--year", "2024", "--connection", connection);
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }

            return year;
        }

        private static void PaymentOrder(Year year, string output, string date) =>
            year.PaymentOrders[date] = File.ReadAllText(Path.Combine(output, $"betaalopdracht-{date}.csv"));

        private static async Task SeedAsync(FundingSeed seed)
        {
            await seed.ProviderAsync(P1, "werkvoorschot");
            await seed.ProviderAsync(P2, "achteraf", crisisafspraak: true);
            await seed.ProviderAsync(P3, "werkvoorschot");

            await seed.AfspraakAsync(P1, 2024, 120_000_000, "2024-01-01");
            await seed.AfspraakAsync(P1, 2024, 144_000_000, "2024-09-15");
            await seed.AfspraakAsync(P1, 2025, 132_000_000, "2025-01-01");
            await seed.AfspraakAsync(P2, 2024, 36_000_000, "2024-01-01");
            await seed.AfspraakAsync(P3, 2024, 24_000_000, "2024-01-01");
            await seed.AfspraakAsync(P3, 2025, 12_000_000, "2025-01-01");

            await seed.TariefAsync(P1, 2024, "Z015", 20_000, "2023-12-01");
            await seed.TariefAsync(P1, 2024, "Z015", 21_000, "2024-04-10");
            await seed.TariefAsync(P2, 2024, "Z020", 15_000, "2023-12-01");

            await seed.InvorderingAsync(P1, 2023, 15_000_000);
            await seed.MndpAsync(P2, 2024, 2, "Z020", 100, 15_000, "2024-03-05");
            await seed.MndpAsync(P2, 2024, 3, "Z020", 50, 14_000, "2024-04-05");

            // P1: Z015 at the tariff each file was checked against; the rest H126; one M001.
            await seed.FileAsync(P1, "2024-02-12", SeedLine.Debit("Z015", "2024-01-08", 500, 20_000));
            await seed.FileAsync(P1, "2024-03-11",
                SeedLine.Debit("Z015", "2024-02-05", 400, 20_000),
                SeedLine.Amount("H126", "2024-02-05", 3_000_000),
                SeedLine.Amount("H126", "2024-01-08", -1_000_000),
                SeedLine.Amount("M001", "2024-02-05", 400_000),
                new SeedLine("H126", Months.Day("2024-02-06"), 1, 2_500_000, Rejected: true));
            await seed.FileAsync(P1, "2024-04-05",
                SeedLine.Debit("Z015", "2024-03-04", 300, 20_000),
                SeedLine.Amount("H126", "2024-03-04", 4_000_000));
            await seed.FileAsync(P1, "2024-05-13", SeedLine.Debit("Z015", "2024-04-01", 500, 21_000));
            await seed.FileAsync(P1, "2024-06-10", SeedLine.Amount("H126", "2024-05-06", 12_000_000));
            await seed.FileAsync(P1, "2024-07-10", SeedLine.Amount("H126", "2024-06-03", 11_000_000));
            await seed.FileAsync(P1, "2024-08-12", SeedLine.Amount("H126", "2024-07-01", 20_000_000));
            await seed.FileAsync(P1, "2024-09-10", SeedLine.Amount("H126", "2024-08-05", 15_000_000));
            await seed.FileAsync(P1, "2024-10-10", SeedLine.Amount("H126", "2024-09-02", 14_000_000));
            await seed.FileAsync(P1, "2024-11-11", SeedLine.Amount("H126", "2024-10-07", 10_000_000));
            await seed.FileAsync(P1, "2024-12-10", SeedLine.Amount("H126", "2024-11-04", 9_000_000));
            await seed.FileAsync(P1, "2025-01-13", SeedLine.Amount("H126", "2024-12-02", 6_000_000));
            await seed.FileAsync(P1, "2025-02-10",
                SeedLine.Amount("H126", "2024-12-09", 2_000_000),
                SeedLine.Amount("H126", "2025-01-06", 11_000_000));
            await seed.FileAsync(P1, "2025-03-10",
                SeedLine.Amount("H126", "2024-12-09", -500_000),
                SeedLine.Amount("H126", "2025-02-03", 10_000_000));

            // P2: production shrinking through a credit, then growing back slowly.
            await seed.FileAsync(P2, "2024-03-08", SeedLine.Debit("Z020", "2024-02-01", 200, 15_000));
            await seed.FileAsync(P2, "2024-04-08", SeedLine.Debit("Z020", "2024-03-01", 100, 15_000));
            await seed.FileAsync(P2, "2024-05-08", SeedLine.CreditOf("Z020", "2024-02-01", 300, 15_000));
            await seed.FileAsync(P2, "2024-06-10", SeedLine.Debit("Z020", "2024-05-01", 100, 15_000));
            await seed.FileAsync(P2, "2024-08-09", SeedLine.Amount("Z020", "2024-07-01", 1_000_000));
            await seed.FileAsync(P2, "2024-09-09", SeedLine.Amount("Z020", "2024-08-01", 300_000));
            await seed.FileAsync(P2, "2024-10-09", SeedLine.Amount("Z020", "2024-09-01", 2_500_000));

            // P3: little production; its werkvoorschot comes back as a recovery of 2024.
            await seed.FileAsync(P3, "2024-06-10", SeedLine.Amount("H126", "2024-05-06", 2_000_000));
            await seed.FileAsync(P3, "2025-02-10", SeedLine.Amount("H126", "2025-01-06", 1_500_000));
            await seed.FileAsync(P3, "2025-03-10", SeedLine.Amount("H126", "2025-02-03", 1_000_000));
        }
    }
}
