using Microsoft.Extensions.Configuration;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Operations;
using WlzMessaging.Storage;

namespace WlzMessaging.Host.Tests.Worker;

/// <summary>The inbox convention, the worker's settings and the mailbox's calendar, without a database.</summary>
public sealed class InboxAndSettingsTests : IDisposable
{
    private readonly TempDirectory _inbox = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _inbox.Dispose();

    private string Write(string name, string content)
    {
        var path = _inbox.File(name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        return path;
    }

    [Fact]
    public void A_file_is_taken_once_its_size_and_time_have_been_still_for_long_enough()
    {
        var scanner = new InboxScanner(_inbox.Path, TimeSpan.FromSeconds(2), _time);
        var path = Write("jan.aw319", "01");

        Assert.Empty(scanner.Scan());
        Assert.Equal(1, scanner.Waiting);

        // Still being written a second later: its size and time change, so it waits again.
        _time.Advance(TimeSpan.FromSeconds(1));
        File.AppendAllText(path, "more");
        File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        Assert.Empty(scanner.Scan());

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([path], scanner.Scan());
        Assert.Equal(0, scanner.Waiting);
    }

    [Fact]
    public void Files_still_being_written_under_a_hidden_or_partial_name_are_never_taken_and_the_oldest_comes_first()
    {
        var scanner = new InboxScanner(_inbox.Path, TimeSpan.Zero, _time);
        var newer = Write("b.aw319", "x");
        var older = Write("c-later-name.aw319", "x");
        File.SetLastWriteTimeUtc(older, _time.GetUtcNow().UtcDateTime.AddSeconds(-60));
        foreach (var name in new[] { ".b.aw319", "c.aw319.part", "d.partial", "e.tmp", "f.aw319.filepart" })
        {
            Write(name, "x");
        }

        Directory.CreateDirectory(_inbox.File("sub"));

        Assert.Equal([older, newer], scanner.Scan());
        Assert.True(InboxScanner.IsPartialName(".x"));
        Assert.False(InboxScanner.IsPartialName("x.aw319"));
    }

    [Fact]
    public void Settings_are_read_with_their_defaults_and_cutoffs()
    {
        var settings = WorkerSettings.Load(Configuration(new()
        {
            ["Uzovi"] = "5509",
            ["Mailbox:Inbox"] = "m/in",
            ["Mailbox:Outbox"] = "m/out",
            ["Mailbox:Archive"] = "m/archive",
            ["Mailbox:Quarantine"] = "m/quarantine",
            ["Worker:StableSeconds"] = "0",
            ["Cutoffs:2024"] = "2025-04-01",
        }));

        Assert.Equal(5509, settings.Uzovi);
        Assert.Equal(Path.GetFullPath("m/in"), settings.Inbox);
        Assert.Equal(TimeSpan.Zero, settings.StableFor);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.PollInterval);
        Assert.Equal(new DateOnly(2025, 4, 1), settings.CutoffFor(2024));
        Assert.Equal(new DateOnly(2026, 3, 25), settings.CutoffFor(2025));
        Assert.Equal((true, new TimeOnly(2, 0)), (settings.NightlyEnabled, settings.NightlyAt));
        Assert.Equal("http://127.0.0.1:5080", settings.DashboardUrls);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.HeartbeatInterval);
    }

    [Fact]
    public void The_nightly_time_the_dashboard_and_the_heartbeat_are_settings()
    {
        var settings = WorkerSettings.Load(Configuration(new()
        {
            ["Uzovi"] = "5509",
            ["Mailbox:Inbox"] = "m/in",
            ["Mailbox:Outbox"] = "m/out",
            ["Mailbox:Archive"] = "m/archive",
            ["Mailbox:Quarantine"] = "m/quarantine",
            ["Nightly:At"] = "03:30",
            ["Nightly:Enabled"] = "false",
            ["Dashboard:Enabled"] = "false",
            ["Worker:HeartbeatSeconds"] = "5",
            ["Worker:FilesAtOnce"] = "1",
        }));

        Assert.Equal((false, new TimeOnly(3, 30)), (settings.NightlyEnabled, settings.NightlyAt));
        Assert.Equal(1, settings.FilesAtOnce);
        Assert.Null(settings.DashboardUrls);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.HeartbeatInterval);

        var e = Assert.Throws<WorkerConfigurationException>(() => WorkerSettings.Load(Configuration(new()
        {
            ["Uzovi"] = "5509",
            ["Mailbox:Inbox"] = "m/in",
            ["Mailbox:Outbox"] = "m/out",
            ["Mailbox:Archive"] = "m/archive",
            ["Mailbox:Quarantine"] = "m/quarantine",
            ["Nightly:At"] = "2 uur",
            ["Nightly:Enabled"] = "ja",
            ["Dashboard:Urls"] = "https://0.0.0.0:443",
        })));
        Assert.Equal(
            [
                "Nightly:Enabled 'ja' is not true or false",
                "Nightly:At '2 uur' is not a time of day HH:mm (Europe/Amsterdam)",
                "Dashboard:Urls: 'https://0.0.0.0:443' is not an http:// address",
            ],
            e.Problems);
    }

    [Fact]
    public void Every_settings_problem_is_named_with_the_key_that_fixes_it()
    {
        var e = Assert.Throws<WorkerConfigurationException>(() => WorkerSettings.Load(Configuration(new()
        {
            ["Uzovi"] = "abc",
            ["Mailbox:Inbox"] = "m/in",
            ["Mailbox:Outbox"] = "m/out",
            ["Mailbox:Archive"] = "m/in",
            ["Worker:PollIntervalSeconds"] = "-1",
            ["Worker:FilesAtOnce"] = "0",
            ["Cutoffs:2024"] = "25-03-2025",
            ["Cutoffs:twenty"] = "2025-03-25",
        })));

        Assert.Equal(
            [
                "Uzovi 'abc' is not a UZOVI code (1-9999)",
                "Mailbox:Quarantine is not set (env WLZ_Mailbox__Quarantine, or --quarantine)",
                $"Mailbox:Inbox and Mailbox:Archive are one directory ({Path.GetFullPath("m/in")}); each needs its own",
                "Worker:PollIntervalSeconds '-1' is not a number of seconds from 0.1 to 3600",
                "Worker:FilesAtOnce '0' is not a number of files from 1 to 8",
                "Cutoffs:2024 '25-03-2025' is not a date YYYY-MM-DD",
                "Cutoffs:twenty: the key is not a declaration year 2000-2100",
            ],
            e.Problems);
        Assert.StartsWith("configuration: Uzovi 'abc' is not a UZOVI code (1-9999); Mailbox:Quarantine is not set", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29", false)]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29", true)]
    [InlineData("2026-06-30T22:30:00Z", "2026-07-01", true)]
    [InlineData("2026-10-25T00:59:00Z", "2026-10-25", true)]
    [InlineData("2026-10-25T01:00:00Z", "2026-10-25", false)]
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01", false)]
    public void The_mailbox_day_is_the_day_in_Amsterdam(string instant, string day, bool summer)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Amsterdam.DateOf(at));
        Assert.Equal(TimeSpan.FromHours(summer ? 2 : 1), Amsterdam.ToLocal(at).Offset);
        Assert.Equal(TimeSpan.FromHours(summer ? 2 : 1), TimeZoneInfo.ConvertTime(at, Amsterdam.EuRule).Offset);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
