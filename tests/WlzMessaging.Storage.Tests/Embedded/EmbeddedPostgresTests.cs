using System.Diagnostics;
using Npgsql;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Embedded;

/// <summary>The launcher against real clusters, each test in its own scratch directory.</summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string _directory = ScratchDirectory.NewPath();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await EmbeddedPostgres.DeleteIfUnusedAsync(_directory, EmbeddedPostgresOptions.ForTests);

        // Tests that start below the scratch directory, or not at all, leave it to be removed here.
        foreach (var nested in Directory.Exists(_directory) ? Directory.EnumerateFiles(_directory, "wlz.lock", SearchOption.AllDirectories).ToList() : [])
        {
            await EmbeddedPostgres.DeleteIfUnusedAsync(Path.GetDirectoryName(nested)!, EmbeddedPostgresOptions.ForTests);
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Starts_a_new_cluster_in_an_empty_directory_and_stops_it_when_disposed()
    {
        var server = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests);
        await using (server)
        {
            Assert.True(server.CreatedCluster);
            Assert.True(server.StartedServer);
            Assert.Equal("wlz", await Sql.ScalarAsync<string>(server.ConnectionString, "SELECT current_database()"));
            Assert.Equal("wlz", await Sql.ScalarAsync<string>(server.ConnectionString, "SELECT current_user"));
            Assert.True(File.Exists(Path.Combine(server.ClusterDirectory, "PG_VERSION")));
            Assert.Contains("ready to accept connections", await File.ReadAllTextAsync(server.LogFile));
        }

        Assert.False(File.Exists(Path.Combine(server.ClusterDirectory, "postmaster.pid")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_directory, "leases")));
    }

    [Fact]
    public async Task A_second_launcher_on_the_same_directory_reuses_the_running_server_and_leaves_it_to_the_first()
    {
        var first = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests);
        var second = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests);

        Assert.False(second.CreatedCluster);
        Assert.False(second.StartedServer);
        Assert.Equal(first.SocketDirectory, second.SocketDirectory);
        Assert.Equal(1, await Sql.ScalarAsync<int>(second.ConnectionString, "SELECT 1"));

        await second.DisposeAsync();
        Assert.Equal(1, await Sql.ScalarAsync<int>(first.ConnectionString, "SELECT 1"));

        await first.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(first.ClusterDirectory, "postmaster.pid")));
    }

    [Fact]
    public async Task A_stopped_cluster_starts_again_with_its_data()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests))
        {
            await using var connection = new NpgsqlConnection(first.ConnectionString);
            await connection.OpenAsync();
            await Sql.ExecuteAsync(connection, "CREATE TABLE marker (id int); INSERT INTO marker VALUES (42)");
        }

        await using var second = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests);
        Assert.False(second.CreatedCluster);
        Assert.True(second.StartedServer);
        Assert.Equal(42, await Sql.ScalarAsync<int>(second.ConnectionString, "SELECT id FROM marker"));
    }

    [Fact]
    public async Task Starts_again_after_the_server_process_was_killed()
    {
        var first = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests);
        var pidFile = Path.Combine(first.ClusterDirectory, "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture);

        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();
        }

        await WaitUntilAsync(() => !PostmasterPidFile.IsLivePostgres(pid));
        Assert.True(File.Exists(pidFile), "a killed server leaves its postmaster.pid behind");

        await using (var second = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests))
        {
            Assert.True(second.StartedServer);
            Assert.Equal(1, await Sql.ScalarAsync<int>(second.ConnectionString, "SELECT 1"));
        }

        // The first launcher's lease kept the server running past the second; letting go of it stops the server.
        await first.DisposeAsync();
        Assert.False(File.Exists(pidFile));
    }

    [Fact]
    public async Task A_server_left_running_by_a_killed_process_is_reused_and_stopped_afterwards()
    {
        // What a killed wlz leaves: a running server and a lease file whose lock died with its process.
        var layout = new ClusterLayout(_directory);
        var options = EmbeddedPostgresOptions.ForTests;
        Directory.CreateDirectory(layout.Root);
        File.SetUnixFileMode(layout.Root, File.GetUnixFileMode(layout.Root) | UnixFileMode.OtherExecute);
        var control = new ServerControl(layout, PostgresBinaries.Locate(null, null), await ServerAccount.ResolveAsync(default), options);
        await control.InitializeAsync(default);
        await control.StartAsync(default);
        Directory.CreateDirectory(layout.LeaseDirectory);
        var deadLease = Path.Combine(layout.LeaseDirectory, "999999-dead.lease");
        await File.WriteAllTextAsync(deadLease, "");

        var server = await EmbeddedPostgres.StartAsync(_directory, options);
        Assert.False(server.StartedServer);
        Assert.Equal(1, await Sql.ScalarAsync<int>(server.ConnectionString, "SELECT 1"));

        await server.DisposeAsync();
        Assert.False(File.Exists(layout.PidFile));
        Assert.False(File.Exists(deadLease));
    }

    [Fact]
    public async Task A_pid_file_naming_a_live_process_that_is_not_postgres_is_removed_before_starting()
    {
        // After a reboot the pid in a stale postmaster.pid may belong to any program; pg_ctl alone would think it runs.
        await (await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests)).DisposeAsync();
        var layout = new ClusterLayout(_directory);
        await File.WriteAllLinesAsync(
            layout.PidFile, [Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), layout.ClusterDirectory, "0", "5432", layout.SocketDirectory, "", "0 0", "ready"]);
        Assert.Equal(ServerState.Stale, PostmasterPidFile.Probe(layout.PidFile, out _));

        await using var server = await EmbeddedPostgres.StartAsync(_directory, EmbeddedPostgresOptions.ForTests);
        Assert.True(server.StartedServer);
        Assert.Equal(1, await Sql.ScalarAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task A_long_data_directory_gets_its_socket_in_a_short_directory_under_tmp()
    {
        var deep = Path.Combine(_directory, new string('d', 60), new string('e', 40));
        var server = await EmbeddedPostgres.StartAsync(deep, EmbeddedPostgresOptions.ForTests);
        await using (server)
        {
            Assert.StartsWith("/tmp/wlz-", server.SocketDirectory, StringComparison.Ordinal);
            Assert.True(ClusterLayout.FitsSocketPath(server.SocketDirectory));
            Assert.Equal(1, await Sql.ScalarAsync<int>(server.ConnectionString, "SELECT 1"));
        }

        Assert.False(Directory.Exists(server.SocketDirectory), "the socket directory under /tmp is removed with the server");
    }

    [Fact]
    public async Task Missing_server_programs_are_reported_in_one_line_naming_the_debian_package()
    {
        var options = EmbeddedPostgresOptions.ForTests with { BinDirectory = Path.Combine(_directory, "no-such-bin") };
        var explicitDirectory = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(_directory, options));
        Assert.Contains("not found in", explicitDirectory.Message, StringComparison.Ordinal);

        var searched = Assert.Throws<EmbeddedPostgresException>(() => PostgresBinaries.Locate(null, null, [Path.Combine(_directory, "none")], ""));
        Assert.Contains("install the Debian package 'postgresql'", searched.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', searched.Message);
    }

    [Fact]
    public async Task A_data_directory_below_a_directory_closed_to_others_is_reported_when_running_as_root()
    {
        var closed = Path.Combine(_directory, "closed");
        Directory.CreateDirectory(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(_directory, File.GetUnixFileMode(_directory) | UnixFileMode.OtherExecute);
        var inside = Path.Combine(closed, "data");

        if (Environment.IsPrivilegedProcess)
        {
            var e = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(inside, EmbeddedPostgresOptions.ForTests));
            Assert.Contains($"chmod o+x {closed}", e.Message, StringComparison.Ordinal);
        }
        else
        {
            // An ordinary user runs the server as itself: its own closed directories are no obstacle.
            await using var server = await EmbeddedPostgres.StartAsync(inside, EmbeddedPostgresOptions.ForTests);
            Assert.True(server.StartedServer);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(50);
        }
    }
}
