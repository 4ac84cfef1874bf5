using WlzMessaging.Storage.Migrations;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Migrations;

/// <summary>
/// Migration 0030 turns declaration_line's generated <c>approved</c> and <c>declaration_year</c> into plain columns: a store
/// that holds lines from before keeps every value the generation stored, and what read the columns still reads them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LeanLineRowMigrationTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync(migrated: false);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Lines_stored_while_the_columns_were_generated_keep_their_values()
    {
        await new SchemaMigrator(MigrationCatalog.Embedded.Where(m => m.Version < 30)).MigrateAsync(_database.DataSource);
        await using var connection = await _database.OpenConnectionAsync();
        var fileId = await StoredFiles.InsertAsync(connection);

        // Before 0030 the server computed both: an approved line, a rejected one, one without a valid 0414.
        await Sql.ExecuteAsync(connection, $"""
            INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume,
                tariff_cents, applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                retourcode_1, received_on, production)
            VALUES ({fileId}, 1, 41000001, 123456782, 'Z015', '2023-12-31', '2024-01-02', 3, 100, 100, 300, 300, 'D', 'R1', 8001, '2024-02-01', true),
                   ({fileId}, 2, 41000001, 123456782, 'Z015', '2024-01-01', '2024-01-31', 31, 100, 100, 3100, 0, 'D', 'R2', 8067, '2024-02-01', true),
                   ({fileId}, 3, 41000001, 123456782, 'Z015', NULL, '2024-01-31', 31, 100, 100, 3100, 0, 'D', 'R3', 8007, '2024-02-01', true)
            """);

        var result = await SchemaMigrator.Default.MigrateAsync(_database.DataSource);

        Assert.Contains("0030_lean_line_row", result.Applied.Select(m => m.Id));
        Assert.Equal(
            "1 true 2023|2 false 2024|3 false -",
            await Sql.ScalarAsync<string>(connection, """
                SELECT string_agg(record_id || ' ' || approved || ' ' || coalesce(declaration_year::text, '-'), '|' ORDER BY record_id)
                FROM declaration_line
                """));

        // Plain columns now; approved NOT NULL and checked, declaration_year nullable.
        Assert.Equal(
            "approved NO |declaration_year YES ",
            await Sql.ScalarAsync<string>(connection, """
                SELECT string_agg(column_name || ' ' || is_nullable || ' ' || coalesce(generation_expression, ''), '|' ORDER BY column_name)
                FROM information_schema.columns
                WHERE table_name = 'declaration_line' AND column_name IN ('approved', 'declaration_year')
                """));
        Assert.Equal(
            1L,
            await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_constraint WHERE conname = 'declaration_line_approved_check'"));

        // The partial indexes on approved and the statistics object on declaration_year are still there and still read them.
        Assert.Equal(
            "declaration_line_credited_key|declaration_line_overlap_key|declaration_line_reference_key",
            await Sql.ScalarAsync<string>(connection, """
                SELECT string_agg(indexname, '|' ORDER BY indexname) FROM pg_indexes
                WHERE tablename = 'declaration_line' AND indexdef LIKE '%WHERE (approved AND production%'
                """));
        Assert.Equal(
            "declaration_year prestatiecode provider_agb received_on",
            await Sql.ScalarAsync<string>(connection, """
                SELECT string_agg(a.attname, ' ' ORDER BY a.attname)
                FROM pg_statistic_ext s
                JOIN pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = ANY (s.stxkeys::smallint[])
                WHERE s.stxname = 'declaration_line_funding'
                """));
    }
}
