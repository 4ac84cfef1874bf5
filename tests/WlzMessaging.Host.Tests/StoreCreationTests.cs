using WlzMessaging.Host.Cli;

namespace WlzMessaging.Host.Tests;

/// <summary>A store that does not exist is made only by a command that says so; every other command names the path and stops.</summary>
public class StoreCreationTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("report")]
    [InlineData("advance", "run", "--date", "2024-01-01")]
    [InlineData("advance", "show", "--date", "2024-01-01")]
    [InlineData("statement", "--agb", "41000001", "--year", "2024")]
    [InlineData("forecast", "--year", "2024")]
    [InlineData("feedback", "--month", "2024-01", "--out", "fb")]
    [InlineData("nightly", "--date", "2024-01-01", "--uzovi", "5501", "--inbox", "in", "--outbox", "out", "--archive", "a", "--quarantine", "q")]
    public async Task A_command_on_a_missing_store_stops_with_one_line_naming_the_path_and_creates_nothing(params string[] args)
    {
        using var temp = new TempDirectory();
        var mistyped = temp.File("mistyped");

        var outcome = await Wlz.RunAsync([.. args, "--data-dir", mistyped]);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Equal(
            [$"wlz {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-') && a != "."))}: no store in {mistyped}: check --data-dir (or WLZ_DATA_DIR), or create it with 'wlz init --data-dir {mistyped}'"],
            outcome.ErrorLines);
        Assert.Equal("", outcome.Out);
        Assert.False(Directory.Exists(mistyped));
    }
}
