using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Embedded;

[Collection(PostgresCollection.Name)]
public sealed class SocketOnlyTests(PostgresFixture fixture)
{
    [Fact]
    public async Task The_server_listens_on_no_tcp_address_and_connections_come_through_the_socket()
    {
        var connectionString = fixture.Server.GetConnectionString("postgres");

        Assert.Equal("", await Sql.ScalarAsync<string>(connectionString, "SHOW listen_addresses"));

        // inet_server_addr() is NULL exactly when the connection is a Unix socket.
        Assert.True(await Sql.ScalarAsync<bool>(connectionString, "SELECT inet_server_addr() IS NULL"));
        Assert.Equal(fixture.Server.SocketDirectory, await Sql.ScalarAsync<string>(connectionString, "SHOW unix_socket_directories"));
    }

    [Fact]
    public async Task The_test_server_runs_without_fsync()
    {
        Assert.Equal("off", await Sql.ScalarAsync<string>(fixture.Server.GetConnectionString("postgres"), "SHOW fsync"));
    }
}
