using WlzMessaging.Storage.Embedded;

namespace WlzMessaging.Storage.Tests.Embedded;

public sealed class ClusterLayoutTests
{
    [Fact]
    public void A_short_data_directory_keeps_its_socket_inside()
    {
        var layout = new ClusterLayout("/srv/wlz/.wlz");

        Assert.Equal("/srv/wlz/.wlz/run", layout.SocketDirectory);
        Assert.False(layout.SocketOutsideDataDirectory);
        Assert.Equal("/srv/wlz/.wlz/pg", layout.ClusterDirectory);
    }

    [Fact]
    public void A_data_directory_too_long_for_a_socket_path_gets_the_same_short_socket_directory_every_time()
    {
        var root = "/srv/" + new string('x', 100);
        var layout = new ClusterLayout(root);

        Assert.True(layout.SocketOutsideDataDirectory);
        Assert.Matches("^/tmp/wlz-[0-9a-f]{16}$", layout.SocketDirectory);
        Assert.Equal(layout.SocketDirectory, new ClusterLayout(root + "/").SocketDirectory);
        Assert.NotEqual(layout.SocketDirectory, new ClusterLayout(root + "y").SocketDirectory);
    }

    [Fact]
    public void The_socket_path_limit_is_the_kernels_107_bytes()
    {
        // DIR + "/.s.PGSQL.5432" (14 bytes) must stay within 107 bytes.
        Assert.True(ClusterLayout.FitsSocketPath("/" + new string('a', 92)));
        Assert.False(ClusterLayout.FitsSocketPath("/" + new string('a', 93)));
    }

    [Theory]
    [InlineData("/tmp/a$b")]
    [InlineData("/tmp/a\"b")]
    [InlineData("/tmp/a`b")]
    public void A_path_the_shell_would_misread_is_refused(string path)
    {
        Assert.Throws<EmbeddedPostgresException>(() => new ClusterLayout(path));
    }

    [Fact]
    public void Server_arguments_are_quoted_for_the_shell_pg_ctl_uses()
    {
        var layout = new ClusterLayout("/tmp/it's here");
        var options = EmbeddedPostgresOptions.ForTests;
        var control = new ServerControl(layout, new PostgresBinaries("/usr/bin", null), null!, options);

        var arguments = control.ServerArguments();

        Assert.StartsWith("-k '/tmp/it'\\''s here/run' ", arguments, StringComparison.Ordinal);
        Assert.Contains("-c 'listen_addresses='", arguments, StringComparison.Ordinal);
        Assert.Contains("-c 'fsync=off'", arguments, StringComparison.Ordinal);
        Assert.Contains("-c 'shared_buffers=16MB'", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void A_durable_server_keeps_fsync_on()
    {
        var control = new ServerControl(new ClusterLayout("/tmp/x"), new PostgresBinaries("/usr/bin", null), null!, EmbeddedPostgresOptions.Default);

        Assert.DoesNotContain("fsync", control.ServerArguments(), StringComparison.Ordinal);
    }
}
