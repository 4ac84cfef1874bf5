using Npgsql;
using NpgsqlTypes;
using WlzMessaging.Storage.History;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.History;

/// <summary>
/// The plans of the history queries (specs/storage.md) on a real PostgreSQL with fresh statistics: a provider's history of
/// 60,000 lines and a file of 30,000 keys, the proportions at which a join of the two flipped to hash joins and sequential
/// scans. Each query must stay a nested loop of index probes into declaration_line.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HistoryPlanTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const int Provider = 41000001;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        await using var connection = await _database.OpenConnectionAsync();
        var file = await StoredFiles.InsertAsync(connection, providerAgb: Provider);
        var other = await StoredFiles.InsertAsync(connection, providerAgb: Provider + 1, factuurnummer: "F2024-0002");

        // Three months of two prestaties for 10,000 clients, for this provider and another; a few credits.
        await Sql.ExecuteAsync(connection, $"""
            INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume,
                tariff_cents, applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                voorgaand_referentienummer, retourcode_1, received_on, production, approved, declaration_year)
            SELECT CASE p WHEN {Provider} THEN {file} ELSE {other} END, (m * 100000 + c * 2 + k)::bigint, p, 100000000 + c,
                   (ARRAY['Z015', 'ZMZ01'])[k + 1], make_date(2024, m, 1), (make_date(2024, m, 1) + interval '1 month - 1 day')::date,
                   28, 100, 100, 2800, 2800, 'D', 'R' || m || '-' || c || '-' || k, NULL, 8001, make_date(2024, m + 1, 5), true,
                   true, 2024
            FROM unnest(ARRAY[{Provider}, {Provider + 1}]) p, generate_series(1, 3) m, generate_series(1, 10000) c, generate_series(0, 1) k;
            INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume,
                tariff_cents, applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                voorgaand_referentienummer, retourcode_1, received_on, production, approved, declaration_year)
            SELECT {file}, 900000 + c, {Provider}, 100000000 + c, 'Z015', '2024-03-01', '2024-03-31', 28, 100, 100, -2800, -2800, 'C',
                   'C3-' || c, 'R3-' || c || '-0', 8001, '2024-04-05', true, true, 2024
            FROM generate_series(1, 500) c;
            ANALYZE declaration_line;
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Already_received_probes_the_reference_index_once_per_reference()
    {
        var plan = await ExplainAsync(DeclarationHistoryStore.ReceivedSql, """
            INSERT INTO history_reference SELECT 'R4-' || c || '-' || k FROM generate_series(1, 15000) c, generate_series(0, 1) k
            """);

        AssertProbes(plan, "declaration_line_received_key");
    }

    [Fact]
    public async Task Credited_debits_probe_the_reference_and_credit_indexes_once_per_credit()
    {
        var plan = await ExplainAsync(DeclarationHistoryStore.CreditedDebitsSql, """
            INSERT INTO history_credited SELECT 'R3-' || c || '-' || k FROM generate_series(1, 15000) c, generate_series(0, 1) k
            """);

        Assert.Matches("declaration_line_(reference|received)_key", plan);
        AssertProbes(plan, "declaration_line_");
        Assert.Contains("declaration_line_credited_key", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlap_probes_the_overlap_index_once_per_client_and_prestatie()
    {
        var plan = await ExplainAsync(DeclarationHistoryStore.OverlapSql, """
            INSERT INTO history_pair SELECT 100000000 + c, (ARRAY['Z015', 'ZMZ01'])[k + 1] FROM generate_series(1, 15000) c, generate_series(0, 1) k
            """);

        AssertProbes(plan, "declaration_line_overlap_key");
        Assert.Contains("declaration_line_credited_key", plan, StringComparison.Ordinal);
    }

    private static void AssertProbes(string plan, string index)
    {
        Assert.StartsWith("Nested Loop", plan, StringComparison.Ordinal);
        Assert.Contains($"Index Only Scan using {index}", plan.Replace("Index Scan using", "Index Only Scan using", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on declaration_line", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Hash", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Bitmap", plan, StringComparison.Ordinal);
    }

    /// <summary>The plan of <paramref name="sql"/> for the provider and March 2024, with the file's keys as the store loads them.</summary>
    private async Task<string> ExplainAsync(string sql, string keys)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Sql.ExecuteAsync(connection, """
            CREATE TEMP TABLE history_reference (referentienummer text NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE history_credited (referentienummer text NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE history_pair (bsn integer NOT NULL, prestatiecode text NOT NULL) ON COMMIT DROP
            """, transaction);
        await Sql.ExecuteAsync(connection, keys, transaction);

        await using var command = new NpgsqlCommand("EXPLAIN (COSTS OFF) " + sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Provider });
        if (sql.Contains("$2", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = new DateOnly(2024, 3, 1), NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = new DateOnly(2024, 3, 31), NpgsqlDbType = NpgsqlDbType.Date });
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines).Trim();
    }
}
