using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WlzMessaging.Operations.Dashboard;
using WlzMessaging.Storage;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class DashboardTests(PostgresFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private TestDatabase _database = null!;
    private Store _store = null!;
    private DashboardServer _server = null!;

    private string BaseUrl => _server.Addresses[0];

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        await DashboardScenario.SeedAsync(_database.DataSource);
        _store = await _database.OpenStoreAsync();
        _server = await DashboardServer.StartAsync("http://127.0.0.1:0", _store);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_json_has_throughput_inbox_answers_codes_providers_and_the_nightly_report()
    {
        var body = await _http.GetStringAsync($"{BaseUrl}/api/dashboard");

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(60, root.GetProperty("throughput").GetProperty("lines").GetInt64());
        Assert.Equal(0, root.GetProperty("throughput").GetProperty("linesPerMinute").GetInt64()); // none in the last 60 s
        Assert.Equal(60, root.GetProperty("throughput").GetProperty("perMinute").EnumerateArray().Sum(m => m.GetInt64()));
        Assert.Equal(7, root.GetProperty("inboxDepth").GetInt32());
        Assert.True(root.GetProperty("workerRunning").GetBoolean());
        Assert.Equal(3, root.GetProperty("aw320").GetProperty("lastHour").GetInt64());
        Assert.Equal("AW319_baken_002.aw320", root.GetProperty("aw320").GetProperty("last").GetProperty("aw320Name").GetString());
        Assert.Equal("AW319_linde_002.asc", root.GetProperty("inHand")[0].GetProperty("fileName").GetString());
        Assert.Equal(DashboardScenario.WorkerId, root.GetProperty("inHand")[0].GetProperty("workerId").GetString());
        Assert.Equal(3, root.GetProperty("filesAnswered").GetInt64());
        var top = root.GetProperty("rejections")[0];
        Assert.Equal(("8290", 6L), (top.GetProperty("code").GetString(), top.GetProperty("count").GetInt64()));
        Assert.Equal("Er is geen (correcte) melding aanvang zorg (MAZ) aanwezig", top.GetProperty("meaning").GetString());
        var linde = root.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("agb").GetString() == "73730001");
        Assert.Equal((47L, 40L, 7L), (linde.GetProperty("lines").GetInt64(), linde.GetProperty("approvedLines").GetInt64(), linde.GetProperty("rejectedLines").GetInt64()));
        Assert.Equal("8290", linde.GetProperty("topRetourcode").GetProperty("code").GetString());
        Assert.Equal(14, root.GetProperty("lastNightly").GetProperty("report").GetProperty("creditsMatched").GetInt32());

        // The nightly report as labelled figures, for the page's table.
        Assert.Equal(
            [("Tariff corrections", "2"), ("Credits matched", "14")],
            root.GetProperty("lastNightly").GetProperty("figures").EnumerateArray().Select(f => (f.GetProperty("label").GetString(), f.GetProperty("value").GetString())));

        // The file rejected as a whole (0001 + 0030) beside the line codes, counted per file by its cause.
        Assert.Equal(1, root.GetProperty("rejectedFiles").GetInt64());
        var wholeFile = Assert.Single(root.GetProperty("wholeFileRejections").EnumerateArray());
        Assert.Equal(("0030", 1L, 1.0, "whole file"), (wholeFile.GetProperty("code").GetString(), wholeFile.GetProperty("files").GetInt64(), wholeFile.GetProperty("share").GetDouble(), wholeFile.GetProperty("scope").GetString()));
        Assert.StartsWith("Factuurnummer", wholeFile.GetProperty("meaning").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(root.GetProperty("rejections").EnumerateArray(), c => c.GetProperty("code").GetString() is "0001" or "0030");

        // AGB codes are eight-digit strings; times are Amsterdam times with their offset.
        Assert.Equal("73730002", root.GetProperty("aw320").GetProperty("last").GetProperty("agb").GetString());
        Assert.Matches(@"[+]0[12]:00$", root.GetProperty("now").GetString());
        Assert.Matches(@"[+]0[12]:00$", root.GetProperty("aw320").GetProperty("last").GetProperty("writtenAt").GetString());

        Assert.DoesNotContain(DashboardScenario.NightlyBsn, body, StringComparison.Ordinal);
        await Privacy.AssertNoBsnAsync(_database, body);
    }

    [Fact]
    public async Task The_page_is_self_contained_and_allows_only_its_own_script()
    {
        using var response = await _http.GetAsync(BaseUrl + "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'sha256-[A-Za-z0-9+/=]+'", csp);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"/api/dashboard\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_are_read_again_after_the_cache_time()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new DashboardOptions { Time = time };
        await using var server = await DashboardServer.StartAsync("http://127.0.0.1:0", _store, options);
        var api = $"{server.Addresses[0]}/api/dashboard";

        var first = await _http.GetStringAsync(api);
        await using (var connection = await _database.OpenConnectionAsync())
        {
            await Sql.ExecuteAsync(connection, "UPDATE worker_status SET waiting = 9");
        }

        time.Advance(options.CacheFor - TimeSpan.FromMilliseconds(1));
        var cached = await _http.GetStringAsync(api);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await _http.GetStringAsync(api);

        Assert.Contains("\"inboxDepth\": 7", first, StringComparison.Ordinal);
        Assert.Contains("\"inboxDepth\": 7", cached, StringComparison.Ordinal);
        Assert.Contains("\"inboxDepth\": 9", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_read_gives_503_with_the_reason()
    {
        // A store whose database went away after it was opened (dropped, its connections ended).
        var gone = await fixture.CreateDatabaseAsync();
        await using var store = await gone.OpenStoreAsync();
        await gone.DisposeAsync();
        await using var server = await DashboardServer.StartAsync("http://127.0.0.1:0", store);

        using var response = await _http.GetAsync($"{server.Addresses[0]}/api/dashboard");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("database unreachable", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_shows_in_lines_per_minute_at_once_not_averaged_over_the_hour()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await OperationsSeed.FileAsync(_database.DataSource, new SeedFile
        {
            Name = "burst.asc",
            ReceivedOn = today,
            FinishedAt = DateTimeOffset.UtcNow.AddSeconds(-5),
            Lines = [.. Enumerable.Repeat(OperationsSeedLine.Approve(new DateOnly(today.Year, 1, 6), 100), 120)],
        });

        using var json = JsonDocument.Parse(await _http.GetStringAsync($"{BaseUrl}/api/dashboard"));

        var throughput = json.RootElement.GetProperty("throughput");
        Assert.Equal(120, throughput.GetProperty("linesPerMinute").GetInt64());
        Assert.Equal(180, throughput.GetProperty("lines").GetInt64());
        Assert.Equal(120, throughput.GetProperty("perMinute")[59].GetInt64());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/dashboard")]
    [InlineData("/api/forecast")]
    public async Task HEAD_is_answered_where_GET_is_with_the_headers_and_no_body(string path)
    {
        using var get = await _http.GetAsync(BaseUrl + path);
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, BaseUrl + path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", string.Join(',', head.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/dashboard")]
    [InlineData("/nothing-here")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await _http.GetAsync(BaseUrl + path);

        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(',', response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(',', response.Headers.GetValues("Referrer-Policy")));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("wlz.attacker.test:5080", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    public async Task Only_the_host_names_it_is_bound_to_are_answered(string host, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{BaseUrl}/api/dashboard");
        request.Headers.Host = host;

        using var response = await _http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.DoesNotContain("inboxDepth", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_host_names_are_configurable_and_checked_at_start()
    {
        await using var server = await DashboardServer.StartAsync("http://127.0.0.1:0", _store, allowedHosts: "wlz.zorgkantoor.local");
        using var named = new HttpRequestMessage(HttpMethod.Get, $"{server.Addresses[0]}/");
        named.Headers.Host = "wlz.zorgkantoor.local";
        using var byAddress = new HttpRequestMessage(HttpMethod.Get, $"{server.Addresses[0]}/");

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(named)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(byAddress)).StatusCode);

        var wrong = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => DashboardServer.StartAsync("http://127.0.0.1:0", _store, allowedHosts: "http://wlz.local/"));
        Assert.Contains("Dashboard:AllowedHosts: 'http://wlz.local/' is not a host name", wrong.Message, StringComparison.Ordinal);
        var wildcard = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => DashboardServer.StartAsync("http://0.0.0.0:0", _store));
        Assert.Contains("Dashboard:AllowedHosts is not set", wildcard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoints_can_live_under_a_path_of_the_host()
    {
        await using var server = await DashboardServer.StartAsync(
            "http://127.0.0.1:0", _store, new DashboardOptions { Path = "/ops" });

        var html = await _http.GetStringAsync($"{server.Addresses[0]}/ops");
        Assert.Equal(html, await _http.GetStringAsync($"{server.Addresses[0]}/ops/"));
        var json = await _http.GetStringAsync($"{server.Addresses[0]}/ops/api/dashboard");

        Assert.Contains("\"/ops/api/dashboard\"", html, StringComparison.Ordinal);
        Assert.Contains("\"workerRunning\": true", json, StringComparison.Ordinal);
    }
}
