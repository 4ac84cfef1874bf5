using WlzMessaging.Storage.Migrations;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class OperationsSchemaTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync(migrated: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migration_0004_applies_to_a_fresh_database_and_only_once()
    {
        Assert.Contains(MigrationCatalog.Embedded, m => m.Id == "0004_operations");

        var first = await SchemaMigrator.Default.MigrateAsync(_database.DataSource);
        var second = await SchemaMigrator.Default.MigrateAsync(_database.DataSource);

        Assert.Contains(first.Applied, m => m.Version == 4);
        Assert.Empty(second.Applied);
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(3L, await Sql.ScalarAsync<long>(
            connection,
            """
            SELECT count(*) FROM information_schema.columns
            WHERE (table_name, column_name) IN (('vektis_file', 'period_end'), ('worker_status', 'seen_at'), ('nightly_run', 'report'))
            """));
    }
}
