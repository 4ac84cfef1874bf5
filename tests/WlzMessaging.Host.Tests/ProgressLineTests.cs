using Microsoft.Extensions.Time.Testing;
using WlzMessaging.Host.Cli;

namespace WlzMessaging.Host.Tests;

/// <summary>The progress of long work: silent for two seconds, then live on a terminal or a line every five seconds in a log.</summary>
public class ProgressLineTests
{
    [Fact]
    public void In_a_log_a_line_every_five_seconds_after_the_first_two_with_rate_and_time_to_go()
    {
        var clock = new FakeTimeProvider();
        using var error = new StringWriter { NewLine = "\n" };
        using (var progress = new ProgressLine(error, "big.aw319", 1_000, ProgressMode.Log, clock, unit: "records"))
        {
            progress.Set(100);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("", error.ToString());

            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("big.aw319: 100 of 1,000 records, 50 records/s, ETA 0:18\n", error.ToString());

            progress.Advance(400);
            clock.Advance(TimeSpan.FromSeconds(3));
            Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal("big.aw319: 500 of 1,000 records, 71 records/s, ETA 0:07", error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1]);
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void On_a_terminal_one_line_rewritten_in_place_and_cleared_at_the_end()
    {
        var clock = new FakeTimeProvider();
        using var error = new StringWriter();
        using (var progress = new ProgressLine(error, "advance run 2024-03-01", null, ProgressMode.Live, clock))
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            clock.Advance(TimeSpan.FromMilliseconds(250));
            Assert.Equal("\radvance run 2024-03-01: working for 0:02\radvance run 2024-03-01: working for 0:02", error.ToString());
        }

        Assert.EndsWith("\r" + new string(' ', "advance run 2024-03-01: working for 0:02".Length) + "\r", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Quiet_or_a_short_command_shows_nothing()
    {
        var clock = new FakeTimeProvider();
        using var error = new StringWriter();
        using (var quiet = new ProgressLine(error, "x", 10, ProgressMode.Off, clock))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        using (var shortOne = new ProgressLine(error, "x", 10, ProgressMode.Live, clock))
        {
            clock.Advance(TimeSpan.FromSeconds(1.9));
        }

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Commands_run_in_tests_and_with_quiet_write_no_progress()
    {
        using var temp = new TempDirectory();
        var outcome = await Wlz.RunAsync("generate", "--out", temp.File("a.aw319"), "--lines", "3", "--quiet");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        Assert.Equal(ProgressMode.Off, new CliConsole(TextWriter.Null, TextWriter.Null).Progress);
    }
}
