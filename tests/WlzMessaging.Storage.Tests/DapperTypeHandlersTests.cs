using Dapper;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DapperTypeHandlersTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Dapper_passes_and_reads_a_DateOnly_once_registered()
    {
        DapperTypeHandlers.Register();
        DapperTypeHandlers.Register();
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Server.GetConnectionString("postgres"));

        var read = await connection.QuerySingleAsync<DateOnly>("SELECT @Day + 1", new { Day = new DateOnly(2024, 2, 28) });
        var missing = await connection.QuerySingleAsync<DateOnly?>("SELECT @Day", new { Day = (DateOnly?)null });

        Assert.Equal(new DateOnly(2024, 2, 29), read);
        Assert.Null(missing);
    }
}
