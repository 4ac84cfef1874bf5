using WlzMessaging.Storage.Lines;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Lines;

/// <summary>The statistics of declaration_line refreshed after a large load, and left to autovacuum after a small one.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DeclarationLineStatisticsTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_large_load_into_a_table_never_analyzed_is_analyzed_and_a_small_one_is_not()
    {
        await using var connection = await _database.OpenConnectionAsync();
        // Autovacuum kept out, so only the code under test analyzes.
        await Sql.ExecuteAsync(connection, "ALTER TABLE declaration_line SET (autovacuum_enabled = false)");
        var file = await StoredFiles.InsertAsync(connection);
        await Sql.ExecuteAsync(connection, $"""
            INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume,
                tariff_cents, applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                retourcode_1, received_on, production, approved, declaration_year)
            SELECT {file}, g, 41000001, 100000000 + g, 'Z015', '2024-01-01', '2024-01-31', 31, 100, 100, 3100, 3100, 'D',
                   'R' || g, 8001, '2024-02-05', true, true, 2024
            FROM generate_series(1, 12000) g
            """);
        const string known = "SELECT reltuples::bigint FROM pg_class WHERE oid = 'declaration_line'::regclass";
        Assert.Equal(-1L, await Sql.ScalarAsync<long>(connection, known));

        Assert.False(await DeclarationLineStatistics.RefreshAfterLoadAsync(connection, DeclarationLineStatistics.MinimumLines - 1));
        Assert.Equal(-1L, await Sql.ScalarAsync<long>(connection, known));

        Assert.True(await DeclarationLineStatistics.RefreshAfterLoadAsync(connection, 12_000));
        Assert.Equal(12_000L, await Sql.ScalarAsync<long>(connection, known));
    }
}
