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

    [Fact]
    public async Task Dapper_passes_and_reads_a_timestamptz_as_a_DateTimeOffset_in_UTC_once_registered()
    {
        DapperTypeHandlers.Register();
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Server.GetConnectionString("postgres"));
        var at = new DateTimeOffset(2024, 3, 31, 0, 30, 0, TimeSpan.Zero);

        var read = await connection.QuerySingleAsync<Stamp>(
            "SELECT @At + interval '1 hour' AS At, NULL::timestamptz AS Missing", new { At = at });
        var scalar = await connection.QuerySingleAsync<DateTimeOffset>("SELECT @At", new { At = at });

        Assert.Equal(at.AddHours(1), read.At);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
        Assert.Null(read.Missing);
        Assert.Equal(at, scalar);
    }

    [Fact]
    public async Task A_timestamp_without_time_zone_is_refused_as_a_DateTimeOffset()
    {
        DapperTypeHandlers.Register();
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Server.GetConnectionString("postgres"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(
            () => connection.QuerySingleAsync<DateTimeOffset>("SELECT timestamp '2024-03-31 00:30'"));

        Assert.IsType<InvalidCastException>(refused.GetBaseException());
        Assert.Contains("no point in time", refused.GetBaseException().Message, StringComparison.Ordinal);
    }

    private sealed record Stamp(DateTimeOffset At, DateTimeOffset? Missing);
}
