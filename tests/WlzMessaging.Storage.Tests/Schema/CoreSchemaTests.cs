using Npgsql;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Schema;

/// <summary>The rules the core schema itself enforces, whatever code writes to it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CoreSchemaTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_byte_identical_file_is_stored_once()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await StoredFiles.InsertAsync(connection, content: "same bytes", factuurnummer: "F1");

        var e = await Assert.ThrowsAsync<PostgresException>(
            () => StoredFiles.InsertAsync(connection, content: "same bytes", factuurnummer: "F2", status: "rejected"));

        Assert.Equal("vektis_file_sha256_key", e.ConstraintName);
    }

    [Fact]
    public async Task An_invoice_number_is_processed_once_per_provider_in_production()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await StoredFiles.InsertAsync(connection, factuurnummer: "F1");

        // Answered with 0030 and stored as rejected; a test file; another provider: all allowed.
        await StoredFiles.InsertAsync(connection, factuurnummer: "F1", status: "rejected");
        await StoredFiles.InsertAsync(connection, factuurnummer: "F1", soortBericht: 'T');
        await StoredFiles.InsertAsync(connection, factuurnummer: "F1", providerAgb: 41000002);

        var e = await Assert.ThrowsAsync<PostgresException>(() => StoredFiles.InsertAsync(connection, factuurnummer: "F1"));
        Assert.Equal("vektis_file_invoice_key", e.ConstraintName);
    }

    [Fact]
    public async Task A_rejected_line_may_repeat_a_reference_an_approved_line_may_not()
    {
        await using var connection = await _database.OpenConnectionAsync();
        var fileId = await StoredFiles.InsertAsync(connection);
        var insert = $"""
            INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume,
                tariff_cents, applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                retourcode_1, received_on, production, approved, declaration_year)
            VALUES ({fileId}, @id, 41000001, 123456782, 'Z015', '2024-01-01', '2024-01-31', 31, 100, 100, 3100, @approved, 'D',
                'R1', @code, '2024-02-01', true, @code = 8001, 2024)
            """;

        await ExecuteAsync(connection, insert, 1, 0, 8215);
        await ExecuteAsync(connection, insert, 2, 0, 8067);
        await ExecuteAsync(connection, insert, 3, 3100, 8001);
        var e = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, insert, 4, 3100, 8001));

        Assert.Equal("declaration_line_reference_key", e.ConstraintName);
    }

    [Fact]
    public async Task A_credit_amount_must_not_be_positive()
    {
        await using var connection = await _database.OpenConnectionAsync();
        var fileId = await StoredFiles.InsertAsync(connection);

        var e = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(connection, $"""
            INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume,
                tariff_cents, applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                retourcode_1, received_on, production, approved, declaration_year)
            VALUES ({fileId}, 1, 41000001, 123456782, 'Z015', '2024-01-01', '2024-01-31', 31, 100, 100, 3100, 3100, 'C',
                'R1', 8001, '2024-02-01', true, true, 2024)
            """));

        Assert.Equal("declaration_line_sign_check", e.ConstraintName);
    }

    [Theory]
    [InlineData(8001, false)]
    [InlineData(8067, true)]
    public async Task A_line_whose_approved_disagrees_with_its_first_retourcode_is_refused(short code, bool approved)
    {
        // approved is a plain column since 0030, written by the COPY: the CHECK keeps it what the generation made it, so a
        // writer that gets it wrong fails instead of approving a line (or hiding one) in every history index.
        await using var connection = await _database.OpenConnectionAsync();
        var fileId = await StoredFiles.InsertAsync(connection);

        var e = await Assert.ThrowsAsync<PostgresException>(() => InsertLineAsync(connection, fileId, code, approved));

        Assert.Equal(PostgresErrorCodes.CheckViolation, e.SqlState);
        Assert.Equal("declaration_line_approved_check", e.ConstraintName);
    }

    [Fact]
    public async Task A_line_without_approved_is_refused()
    {
        await using var connection = await _database.OpenConnectionAsync();
        var fileId = await StoredFiles.InsertAsync(connection);

        var e = await Assert.ThrowsAsync<PostgresException>(() => InsertLineAsync(connection, fileId, 8001, approved: null));

        Assert.Equal(PostgresErrorCodes.NotNullViolation, e.SqlState);
        Assert.Equal("approved", e.ColumnName);
    }

    [Fact]
    public async Task A_line_whose_approved_agrees_with_its_first_retourcode_is_stored()
    {
        await using var connection = await _database.OpenConnectionAsync();
        var fileId = await StoredFiles.InsertAsync(connection);

        await InsertLineAsync(connection, fileId, 8001, approved: true);
        await InsertLineAsync(connection, fileId, 8067, approved: false, recordId: 2);

        Assert.Equal(
            "1:True 2:False",
            await Sql.ScalarAsync<string>(connection, "SELECT string_agg(record_id || ':' || initcap(approved::text), ' ' ORDER BY record_id) FROM declaration_line"));
    }

    [Fact]
    public async Task A_worker_claims_the_oldest_stale_claim_that_no_other_worker_holds()
    {
        // The take-over query the schema is indexed for: FOR UPDATE SKIP LOCKED lets two workers take different rows.
        await using var connection = await _database.OpenConnectionAsync();
        await Sql.ExecuteAsync(connection, """
            INSERT INTO vektis_file (sha256, file_name, size_bytes, received_on, status, claimed_by, claimed_at)
            SELECT sha256(convert_to(i::text, 'UTF8')), 'f' || i, 1, '2024-03-04', 'claimed', 'dead-worker', now() - interval '1 hour' * i
            FROM generate_series(1, 2) AS i
            """);
        const string claim = """
            UPDATE vektis_file SET claimed_by = $1, claimed_at = now()
            WHERE id = (SELECT id FROM vektis_file
                        WHERE status = 'claimed' AND claimed_at < now() - interval '10 minutes'
                        ORDER BY claimed_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING file_name
            """;
        await using var other = await _database.OpenConnectionAsync();
        await using var first = await connection.BeginTransactionAsync();
        await using var second = await other.BeginTransactionAsync();

        Assert.Equal("f2", await ClaimAsync(connection, first, claim, "worker-a"));
        Assert.Equal("f1", await ClaimAsync(other, second, claim, "worker-b"));
    }

    private static async Task InsertLineAsync(NpgsqlConnection connection, long fileId, short code, bool? approved, long recordId = 1)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume,
                tariff_cents, applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                retourcode_1, received_on, production, approved, declaration_year)
            VALUES ({fileId}, @id, 41000001, 123456782, 'Z015', '2024-01-01', '2024-01-31', 31, 100, 100, 3100, 0, 'D',
                'R' || @id, @code, '2024-02-01', true, @approved, 2024)
            """,
            connection);
        command.Parameters.AddWithValue("id", recordId);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.Add(new NpgsqlParameter("approved", NpgsqlTypes.NpgsqlDbType.Boolean) { Value = (object?)approved ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long id, long approved, short code)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("approved", approved);
        command.Parameters.AddWithValue("code", code);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string worker)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = worker });
        return (string?)await command.ExecuteScalarAsync();
    }
}
