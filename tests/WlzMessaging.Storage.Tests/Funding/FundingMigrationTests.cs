using WlzMessaging.Storage.Migrations;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Funding;

/// <summary>
/// Migration 0003 is written beside 0002 (ingestion), which lands separately. The migrator refuses only a migration below
/// the last one the database applied; a fresh database takes 0001 and then 0003 with no 0002 in between.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FundingMigrationTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync(migrated: false);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task A_fresh_database_applies_0001_and_then_0003_without_a_0002()
    {
        var migrator = new SchemaMigrator(MigrationCatalog.Embedded.Where(m => m.Version is 1 or 3));

        var result = await migrator.MigrateAsync(_database.DataSource);

        Assert.Equal(["0001_core_schema", "0003_funding"], result.Applied.Select(m => m.Id));
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(
            7L,
            await Sql.ScalarAsync<long>(connection, """
                SELECT count(*) FROM pg_tables
                WHERE schemaname = 'public' AND tablename IN ('advance_run', 'advance_provider', 'advance_item',
                    'advance_production', 'advance_recovery', 'advance_adjustment', 'advance_payment_order')
                """));
        Assert.Equal(
            1L,
            await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'declaration_line_funding'"));
    }

    [Fact]
    public async Task The_shipped_migrations_include_0003_funding_and_apply_in_order()
    {
        var result = await SchemaMigrator.Default.MigrateAsync(_database.DataSource);

        Assert.Contains("0003_funding", result.Applied.Select(m => m.Id));
        Assert.Equal(result.Applied.Select(m => m.Version).Order(), result.Applied.Select(m => m.Version));
    }

    [Fact]
    public async Task A_database_that_took_0003_before_0002_existed_refuses_0002_later()
    {
        // What a database migrated by this branch alone meets after the merge: recreate it (only a developer's has one).
        var without = new SchemaMigrator(MigrationCatalog.Embedded.Where(m => m.Version is 1 or 3));
        await without.MigrateAsync(_database.DataSource);
        var later = new SchemaMigrator([.. MigrationCatalog.Embedded.Where(m => m.Version is 1 or 3), new Migration(2, "ingestion", "SELECT 1")]);

        var refused = await Assert.ThrowsAsync<MigrationException>(() => later.MigrateAsync(_database.DataSource));

        Assert.Contains("0002_ingestion was never applied, but the later 0003 was", refused.Message, StringComparison.Ordinal);
    }
}
