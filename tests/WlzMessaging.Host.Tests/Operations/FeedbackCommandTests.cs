using System.Text.RegularExpressions;
using WlzMessaging.Operations.Feedback;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Testing;
using static WlzMessaging.Testing.FeedbackScenario;

namespace WlzMessaging.Host.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class FeedbackCommandTests(PostgresFixture fixture) : IAsyncLifetime
{
    private readonly TempDirectory _out = new();
    private TestDatabase _database = null!;
    private Wlz.Outcome _outcome = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        await SeedAsync(_database.DataSource);
        _outcome = await Wlz.RunAsync("feedback", "--month", "2025-04", "--out", _out.Path, "--connection", _database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _out.Dispose();
    }

    private string Read(string name) => File.ReadAllText(_out.File(name));

    [Fact]
    public void Writes_a_page_and_a_csv_per_provider_and_an_index()
    {
        Assert.Equal(0, _outcome.ExitCode);
        Assert.Contains("feedback 2025-04 (care year 2025): 3 providers, 7 files", _outcome.Out, StringComparison.Ordinal);
        Assert.Equal(
            ["73730001-2025-04.csv", "73730001-2025-04.html", "73730002-2025-04.csv", "73730002-2025-04.html", "73730003-2025-04.csv", "73730003-2025-04.html", "index.html"],
            Directory.GetFiles(_out.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_page_shows_agreement_production_room_months_and_rejections()
    {
        var html = Read("73730001-2025-04.html");

        Assert.Contains("<title>Terugkoppeling april 2025 – Zorggroep De Linde (AGB 73730001)</title>", html, StringComparison.Ordinal);
        Assert.Contains("verwerkt tot en met 30 april 2025", html, StringComparison.Ordinal);
        Assert.Contains("€ 12.000,00", html, StringComparison.Ordinal);     // the agreement in force: the revision of 15 March
        Assert.Contains("geldig vanaf 15 maart 2025", html, StringComparison.Ordinal);
        Assert.Contains("€ 6.500,00", html, StringComparison.Ordinal);      // approved production, net of the credit
        Assert.Contains("54% van de afspraak", html, StringComparison.Ordinal);
        Assert.Contains("Ruimte onder de afspraak</div><div class=\"value ok\">€ 5.500,00", html, StringComparison.Ordinal);
        Assert.Contains("Afgewezen regels in april</div><div class=\"value\">2</div><div class=\"label\">4 in 2025 tot en met april</div>", html, StringComparison.Ordinal);
        Assert.Contains("<title>januari: € 2.000,00</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>maart: € 1.500,00</title>", html, StringComparison.Ordinal);
        Assert.Matches(
            "<tr><td>8290</td><td>Er is geen \\(correcte\\) melding aanvang zorg \\(MAZ\\) aanwezig</td><td class=\"num\">1</td>.*<td class=\"num\">3</td></tr>",
            html);
        Assert.Equal(2, Regex.Count(html, "<svg "));
    }

    [Fact]
    public void Pages_are_self_contained_and_hold_no_personal_data()
    {
        foreach (var file in Directory.GetFiles(_out.Path, "*.html"))
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        }

        var everything = string.Concat(Directory.GetFiles(_out.Path).Select(File.ReadAllText));
        Assert.DoesNotContain("bsn", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\b9990\d{5}\b", everything);
    }

    [Fact]
    public async Task No_seeded_bsn_appears_in_any_file()
    {
        await Privacy.AssertNoBsnAsync(_database, string.Concat(Directory.GetFiles(_out.Path).Select(File.ReadAllText)));
    }

    [Fact]
    public void The_csv_holds_the_same_figures_one_per_row()
    {
        var rows = Read("73730001-2025-04.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("agb;jaar;maand;soort;code;omschrijving;aantal;bedrag_cent", rows[0]);
        Assert.Contains("73730001;2025;;afspraak;;geldig vanaf 2025-03-15;;1200000", rows);
        Assert.Contains("73730001;2025;1;productie;;;;200000", rows);
        Assert.Contains("73730001;2025;2;productie;;;;300000", rows);
        Assert.Contains("73730001;2025;;productie_totaal;;ontvangen t/m 2025-04-30;5;650000", rows);
        Assert.Contains("73730001;2025;;ruimte;;;;550000", rows);
        Assert.Contains("73730001;2025;4;afgewezen_regels_maand;;;2;", rows);
        Assert.Contains("73730001;2025;;afgewezen_regels_jaar;;;4;", rows);
        Assert.Contains("73730001;2025;4;afwijzing_maand;8290;Er is geen (correcte) melding aanvang zorg (MAZ) aanwezig;1;", rows);
        Assert.Contains("73730001;2025;;afwijzing_jaar;8290;Er is geen (correcte) melding aanvang zorg (MAZ) aanwezig;3;", rows);
        Assert.Contains("73730001;2025;;afwijzing_jaar;8226;Prestatie niet conform de (productie)afspraken;1;", rows);
    }

    [Fact]
    public void A_provider_without_an_agreement_gets_production_only_and_the_index_lists_everyone()
    {
        var html = Read("73730003-2025-04.html");
        Assert.Contains("geen afspraak", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ruimte onder de afspraak", html, StringComparison.Ordinal);

        var index = Read("index.html");
        Assert.Contains("<a href=\"73730001-2025-04.html\">73730001</a></td><td>Zorggroep De Linde</td>", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"73730002-2025-04.html\">73730002</a></td><td>Stichting Het Baken</td><td class=\"num\">€ 5.000,00</td><td class=\"num\">€ 0,00</td><td class=\"num\">0%</td>", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"73730003-2025-04.csv\">csv</a>", index, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_say_when_they_were_made_in_Amsterdam_time_with_the_zone()
    {
        Assert.Matches(@"Aangemaakt op \d{1,2} [a-z]+ \d{4} om \d\d:\d\d CES?T\.", Read("73730001-2025-04.html"));
        Assert.Matches(@"aangemaakt op \d{1,2} [a-z]+ \d{4} om \d\d:\d\d CES?T<", Read("index.html"));
        Assert.DoesNotContain("UTC", string.Concat(Directory.GetFiles(_out.Path).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agb_code_keeps_its_eight_digits_in_names_pages_and_csv()
    {
        var rows = new FeedbackRows(
            new Dictionary<int, string> { [3730009] = "Thuiszorg Nul" },
            [new AgreementInForce(3730009, 1_000_000, new DateOnly(2025, 1, 1))],
            [new MonthProduction(3730009, 1, 250_000, 2, 0)],
            [],
            []);
        var feedback = FeedbackBuilder.Build(new DateOnly(2025, 4, 1), 2025, rows);
        using var dir = new TempDirectory();

        await FeedbackWriter.WriteAsync(dir.Path, new DateOnly(2025, 4, 1), feedback, new DateTimeOffset(2025, 5, 2, 7, 15, 0, TimeSpan.Zero));

        Assert.Equal("03730009", Assert.Single(feedback).Agb);
        Assert.True(File.Exists(dir.File("03730009-2025-04.html")));
        Assert.Contains("Thuiszorg Nul (AGB 03730009)", File.ReadAllText(dir.File("03730009-2025-04.html")), StringComparison.Ordinal);
        Assert.Contains("Aangemaakt op 2 mei 2025 om 09:15 CEST.", File.ReadAllText(dir.File("03730009-2025-04.html")), StringComparison.Ordinal);
        Assert.StartsWith("03730009;2025;;afspraak;", File.ReadAllLines(dir.File("03730009-2025-04.csv"))[1], StringComparison.Ordinal);
        Assert.Contains(">03730009</a>", File.ReadAllText(dir.File("index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "feedback", "--out", "x" }, "wlz feedback: missing --month YYYY-MM")]
    [InlineData(new[] { "feedback", "--month", "2025-13", "--out", "x" }, "wlz feedback: --month: '2025-13' is not a month YYYY-MM")]
    public async Task A_wrong_command_line_is_a_usage_error(string[] args, string message)
    {
        var outcome = await Wlz.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(message, outcome.ErrorLines[0]);
    }
}
