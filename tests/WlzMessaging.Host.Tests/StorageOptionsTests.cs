using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Tests;

public class StorageOptionsTests
{
    private static readonly CommandSyntax s_syntax = new() { Options = StorageOptions.Options };

    private static Func<string, string?> Env(string? dataDir = null, string? connection = null) => name => name switch
    {
        StorageOptions.DataDirEnvironment => dataDir,
        StorageOptions.ConnectionEnvironment => connection,
        _ => null,
    };

    [Fact]
    public void Defaults_to_the_embedded_database_in_dot_wlz()
    {
        var (connection, dataDir) = StorageOptions.Resolve(WlzCommandLine.Parse(s_syntax, []), Env());
        Assert.Null(connection);
        Assert.Equal(Path.GetFullPath(".wlz"), dataDir);
    }

    [Fact]
    public void The_command_line_wins_over_the_environment()
    {
        var (connection, dataDir) = StorageOptions.Resolve(WlzCommandLine.Parse(s_syntax, ["--data-dir", "/tmp/x"]), Env("/tmp/y", "Host=db"));
        Assert.Null(connection);
        Assert.Equal("/tmp/x", dataDir);

        Assert.Equal("Host=db", StorageOptions.Resolve(WlzCommandLine.Parse(s_syntax, []), Env("/tmp/y", "Host=db")).Connection);
        Assert.Equal("Host=other", StorageOptions.Resolve(WlzCommandLine.Parse(s_syntax, ["--connection", "Host=other"]), Env()).Connection);
    }

    [Fact]
    public void Both_on_the_command_line_is_a_usage_error()
    {
        var args = WlzCommandLine.Parse(s_syntax, ["--data-dir", "d", "--connection", "Host=x"]);
        Assert.Throws<UsageException>(() => StorageOptions.Resolve(args, Env()));
    }
}
