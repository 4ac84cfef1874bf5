namespace WlzMessaging.Host.Tests.Operations;

/// <summary>The operators' commands refuse a wrong command line before they touch a database.</summary>
public sealed class OperationsCommandLineTests
{
    [Theory]
    [InlineData(new[] { "dashboard", "--urls", "https://127.0.0.1:5080" }, "wlz dashboard: --urls: 'https://127.0.0.1:5080' is not an http:// address")]
    [InlineData(new[] { "dashboard", "--urls", "localhost" }, "wlz dashboard: --urls: 'localhost' is not an http:// address")]
    [InlineData(new[] { "dashboard", "--window", "0" }, "wlz dashboard: --window: 0 is out of range (1..744)")]
    [InlineData(new[] { "status", "--format", "yaml" }, "wlz status: --format: 'yaml' is not table or json")]
    [InlineData(new[] { "status", "--data-dir", "a", "--connection", "b" }, "wlz status: give --data-dir or --connection, not both")]
    public async Task A_wrong_command_line_is_a_usage_error(string[] args, string message)
    {
        var outcome = await Wlz.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(message, outcome.ErrorLines[0]);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("status")]
    [InlineData("feedback")]
    [InlineData("dashboard")]
    public async Task Each_command_explains_itself(string command)
    {
        var outcome = await Wlz.RunAsync(command, "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains($"Usage:\n  wlz {command} [options]", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("--connection <STRING>", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("BSN", outcome.Out, StringComparison.Ordinal);
    }
}
