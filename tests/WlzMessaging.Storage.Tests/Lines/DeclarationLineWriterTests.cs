using Npgsql;
using WlzMessaging.Storage.Lines;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Lines;

[Collection(PostgresCollection.Name)]
public sealed class DeclarationLineWriterTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await fixture.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Copies_every_line_with_its_values()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fileId = await StoredFiles.InsertAsync(connection, transaction);

        var inserted = await DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(fileId, 10_000));
        await transaction.CommitAsync();

        Assert.Equal(10_000, inserted);
        Assert.Equal(10_000L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM declaration_line"));

        // Line 63: a rejected debit with two codes. Line 10: an approved credit of line 9.
        await using var command = new NpgsqlCommand(
            """
            SELECT provider_agb, bsn, prestatiecode, begin_date, end_date, volume, declared_cents, approved_cents, debit_credit,
                   referentienummer, voorgaand_referentienummer, retourcode_1, retourcode_2, retourcode_3, approved,
                   declaration_year, received_on, production
            FROM declaration_line WHERE file_id = $1 AND record_id = 63
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fileId });
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(41000001, reader.GetInt32(0));
            Assert.Equal(100_000_063, reader.GetInt32(1));
            Assert.Equal("H126", reader.GetString(2));
            Assert.Equal(new DateOnly(2024, 1, 8), reader.GetFieldValue<DateOnly>(3));
            Assert.Equal(new DateOnly(2024, 1, 10), reader.GetFieldValue<DateOnly>(4));
            Assert.Equal(1, reader.GetInt32(5));
            Assert.Equal(12_345L, reader.GetInt64(6));
            Assert.Equal(0L, reader.GetInt64(7));
            Assert.Equal('D', reader.GetChar(8));
            Assert.Equal($"REF{fileId:D6}00000063", reader.GetString(9));
            Assert.True(reader.IsDBNull(10));
            Assert.Equal((short)8215, reader.GetInt16(11));
            Assert.Equal((short)611, reader.GetInt16(12));
            Assert.True(reader.IsDBNull(13));
            Assert.False(reader.GetBoolean(14));
            Assert.Equal((short)2024, reader.GetInt16(15));
            Assert.Equal(StoredFiles.ReceivedOn, reader.GetFieldValue<DateOnly>(16));
            Assert.True(reader.GetBoolean(17));
        }

        Assert.Equal(
            $"REF{fileId:D6}00000009",
            await Sql.ScalarAsync<string>(connection, $"SELECT voorgaand_referentienummer FROM declaration_line WHERE record_id = 10 AND debit_credit = 'C' AND approved AND declared_cents < 0"));
    }

    [Theory]
    [InlineData(ExistingLines.Fail)]
    [InlineData(ExistingLines.Skip)]
    public async Task The_copy_writes_approved_and_the_declaration_year_from_the_line_s_own_values(ExistingLines existing)
    {
        // Plain columns since 0030: the stream derives them (Fail writes it straight into the table, Skip through the
        // staging table). An approved line, a rejected one, and one whose 0414 was not a valid date (NULL year).
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fileId = await StoredFiles.InsertAsync(connection, transaction);
        var lines = StoredFiles.Lines(fileId, 3).ToList();
        lines[0] = lines[0] with { BeginDate = new DateOnly(2023, 12, 31), EndDate = new DateOnly(2024, 1, 2) };
        lines[1] = lines[1] with { ApprovedCents = 0, Retourcode1 = 8067 };
        lines[2] = lines[2] with { BeginDate = null, ApprovedCents = 0, Retourcode1 = 8007 };

        Assert.Equal(3, await DeclarationLineWriter.WriteAsync(connection, transaction, lines, existing));
        await transaction.CommitAsync();

        await using var command = new NpgsqlCommand(
            "SELECT record_id, approved, declaration_year FROM declaration_line WHERE file_id = $1 ORDER BY record_id", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fileId });
        var stored = new List<(long RecordId, bool Approved, short? Year)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetInt64(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetInt16(2)));
            }
        }

        Assert.Equal([(1L, true, (short?)2023), (2L, false, (short?)2024), (3L, false, (short?)null)], stored);
    }

    [Fact]
    public async Task Writing_the_same_lines_again_adds_nothing()
    {
        await using var connection = await _database.OpenConnectionAsync();
        long fileId;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            fileId = await StoredFiles.InsertAsync(connection, transaction);
            Assert.Equal(5_000, await DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(fileId, 5_000)));
            await transaction.CommitAsync();
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            // The same 5,000 again, and 1,000 after them: only the new ones go in.
            Assert.Equal(0, await DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(fileId, 5_000)));
            Assert.Equal(1_000, await DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(fileId, 6_000)));
            await transaction.CommitAsync();
        }

        Assert.Equal(6_000L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task The_streaming_writer_writes_batches_within_one_transaction()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fileId = await StoredFiles.InsertAsync(connection, transaction);

        long total = 0;
        for (var batch = 0; batch < 3; batch++)
        {
            await using var writer = await DeclarationLineWriter.BeginAsync(connection, transaction);
            foreach (var line in StoredFiles.Lines(fileId, 1_000, firstRecordId: 1 + (batch * 1_000)))
            {
                writer.Write(line);
            }

            Assert.Equal(1_000, writer.Written);
            total += await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        Assert.Equal(3_000, total);
        Assert.Equal(3_000L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task Writing_straight_into_the_table_stores_every_line_and_fails_on_a_line_already_there()
    {
        await using var connection = await _database.OpenConnectionAsync();
        long fileId;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            fileId = await StoredFiles.InsertAsync(connection, transaction);
            Assert.Equal(2_000, await DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(fileId, 2_000), ExistingLines.Fail));
            await transaction.CommitAsync();
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var e = await Assert.ThrowsAsync<PostgresException>(
                () => DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(fileId, 1), ExistingLines.Fail));
            Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);
        }

        Assert.Equal(2_000L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task Lines_of_a_rolled_back_transaction_are_gone()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var fileId = await StoredFiles.InsertAsync(connection, transaction);
            await DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(fileId, 1_000));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM declaration_line"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM vektis_file"));
    }

    [Fact]
    public async Task An_approved_reference_stored_twice_fails_the_file_instead_of_vanishing()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var first = await StoredFiles.InsertAsync(connection, transaction, factuurnummer: "F1");
        var second = await StoredFiles.InsertAsync(connection, transaction, factuurnummer: "F2");
        await DeclarationLineWriter.WriteAsync(connection, transaction, StoredFiles.Lines(first, 1));
        var sameReference = StoredFiles.Lines(second, 1).Single() with { Referentienummer = $"REF{first:D6}00000001" };

        var e = await Assert.ThrowsAsync<PostgresException>(
            () => DeclarationLineWriter.WriteAsync(connection, transaction, [sameReference]));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);
        Assert.Equal("declaration_line_reference_key", e.ConstraintName);
    }

    [Fact]
    public async Task A_transaction_of_another_connection_is_refused()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var other = await _database.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => DeclarationLineWriter.BeginAsync(connection, transaction));
    }

    [Fact]
    public void A_line_prints_without_its_bsn()
    {
        var line = StoredFiles.Lines(7, 1).Single();

        Assert.Equal("line 1 of file 7", line.ToString());
    }
}
