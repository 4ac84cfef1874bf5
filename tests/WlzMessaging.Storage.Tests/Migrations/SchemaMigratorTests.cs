using Npgsql;
using WlzMessaging.Storage.Migrations;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Migrations;

/// <summary>Each test gets an empty database of the run's server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync(migrated: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Applies_every_shipped_migration_once_and_records_it_with_its_checksum()
    {
        var result = await SchemaMigrator.Default.MigrateAsync(_database.DataSource);

        Assert.Equal(MigrationCatalog.Embedded, result.Applied);
        Assert.Equal(0, result.AlreadyApplied);
        await using var connection = await _database.OpenConnectionAsync();
        var recorded = await ReadRecordedAsync(connection);
        Assert.Equal(MigrationCatalog.Embedded.Select(m => (m.Version, m.Name, m.Checksum)), recorded);
        Assert.Equal(1L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'declaration_line'"));
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        await SchemaMigrator.Default.MigrateAsync(_database.DataSource);
        await using var connection = await _database.OpenConnectionAsync();
        var appliedAt = await Sql.ScalarAsync<DateTime>(connection, "SELECT max(applied_at) FROM schema_migrations");

        var second = await SchemaMigrator.Default.MigrateAsync(_database.DataSource);

        Assert.Empty(second.Applied);
        Assert.Equal(MigrationCatalog.Embedded.Count, second.AlreadyApplied);
        Assert.Equal(appliedAt, await Sql.ScalarAsync<DateTime>(connection, "SELECT max(applied_at) FROM schema_migrations"));
        Assert.Equal((long)MigrationCatalog.Embedded.Count, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused()
    {
        await new SchemaMigrator([Create(1, "first", "CREATE TABLE a (id int)")]).MigrateAsync(_database.DataSource);
        var edited = new SchemaMigrator([Create(1, "first", "CREATE TABLE a (id bigint)"), Create(2, "second", "CREATE TABLE b (id int)")]);

        var e = await Assert.ThrowsAsync<MigrationException>(() => edited.MigrateAsync(_database.DataSource));

        Assert.Contains("0001_first was edited after it was applied", e.Message, StringComparison.Ordinal);
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(0L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'b'"));
    }

    [Fact]
    public async Task Line_ends_changed_by_a_checkout_are_not_an_edit()
    {
        await new SchemaMigrator([Create(1, "first", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n")]).MigrateAsync(_database.DataSource);

        var result = await new SchemaMigrator([Create(1, "first", "\uFEFFCREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n")])
            .MigrateAsync(_database.DataSource);

        Assert.Empty(result.Applied);
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused()
    {
        await new SchemaMigrator([Create(1, "first", "SELECT 1"), Create(2, "second", "SELECT 2")]).MigrateAsync(_database.DataSource);

        var e = await Assert.ThrowsAsync<MigrationException>(
            () => new SchemaMigrator([Create(1, "first", "SELECT 1")]).MigrateAsync(_database.DataSource));

        Assert.Contains("0002_second, which this build does not have", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_migration_added_below_the_last_applied_one_is_refused()
    {
        await new SchemaMigrator([Create(1, "first", "SELECT 1"), Create(3, "third", "SELECT 3")]).MigrateAsync(_database.DataSource);

        var e = await Assert.ThrowsAsync<MigrationException>(
            () => new SchemaMigrator([Create(1, "first", "SELECT 1"), Create(2, "second", "SELECT 2"), Create(3, "third", "SELECT 3")])
                .MigrateAsync(_database.DataSource));

        Assert.Contains("0002_second was never applied", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole_and_not_recorded()
    {
        var migrator = new SchemaMigrator(
        [
            Create(1, "first", "CREATE TABLE a (id int)"),
            Create(2, "broken", "CREATE TABLE b (id int); SELECT 1 / 0"),
        ]);

        var e = await Assert.ThrowsAsync<MigrationException>(() => migrator.MigrateAsync(_database.DataSource));

        Assert.Contains("0002_broken failed", e.Message, StringComparison.Ordinal);
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal([(1, "first", migrator.Migrations[0].Checksum)], await ReadRecordedAsync(connection));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'b'"));
    }

    [Fact]
    public async Task Starters_running_at_once_apply_each_migration_exactly_once()
    {
        // Not idempotent on purpose: applied twice, the second CREATE TABLE would fail.
        var migrator = new SchemaMigrator(
        [
            Create(1, "first", "CREATE TABLE a (id int); SELECT pg_sleep(0.2)"),
            Create(2, "second", "CREATE TABLE b (id int)"),
        ]);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => migrator.MigrateAsync(_database.DataSource))));

        Assert.Equal(2, results.Sum(r => r.Applied.Count));
        await using var connection = await _database.OpenConnectionAsync();
        Assert.Equal(2, (await ReadRecordedAsync(connection)).Count);
    }

    [Fact]
    public void The_shipped_migrations_are_numbered_from_one_in_order()
    {
        // Parallel work takes version ranges (0015-0019 for the advance protocol), so a gap between ranges is expected.
        var versions = MigrationCatalog.Embedded.Select(m => m.Version).ToList();

        Assert.NotEmpty(versions);
        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Order().Distinct(), versions);
        Assert.Equal("0001_core_schema", MigrationCatalog.Embedded[0].Id);
    }

    [Theory]
    [InlineData("1_first.sql")]
    [InlineData("0001-first.sql")]
    [InlineData("0001_First.sql")]
    public void A_badly_named_migration_file_is_refused(string fileName)
    {
        Assert.Throws<MigrationException>(() => Migration.FromFile(fileName, "SELECT 1"));
    }

    private static Migration Create(int version, string name, string sql) => new(version, name, sql);

    private static async Task<List<(int Version, string Name, string Checksum)>> ReadRecordedAsync(NpgsqlConnection connection)
    {
        var rows = new List<(int, string, string)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
