using Npgsql;

namespace WlzMessaging.Storage.Tests;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void A_socket_connection_names_the_socket_directory_as_host_and_prepares_statements()
    {
        var text = ConnectionStrings.ForSocket("/srv/.wlz/run", 5432, "wlz", "wlz");
        var builder = new NpgsqlConnectionStringBuilder(text);

        Assert.Equal("/srv/.wlz/run", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("wlz", builder.Database);
        Assert.Equal("wlz", builder.Username);
        Assert.Equal(ConnectionStrings.MaxAutoPrepare, builder.MaxAutoPrepare);
        Assert.False(builder.IncludeErrorDetail);
    }

    [Fact]
    public void An_external_connection_string_keeps_its_own_settings_but_never_shows_error_details()
    {
        var text = ConnectionStrings.ForExternal("Host=db.example;Database=claims;Username=u;Password=p;Max Auto Prepare=5;Include Error Detail=true");
        var builder = new NpgsqlConnectionStringBuilder(text);

        Assert.Equal("db.example", builder.Host);
        Assert.Equal(5, builder.MaxAutoPrepare);
        Assert.Equal("p", builder.Password);
        Assert.False(builder.IncludeErrorDetail);
    }
}
