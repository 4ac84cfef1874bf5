using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Files;
using WlzMessaging.Storage.Lines;
using WlzMessaging.Storage.Workers;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Ingestion;

/// <summary>What the file pipeline stores: lines from reusable buffers, file rows, AW320 rows, locks and worker rows (0002).</summary>
[Collection(PostgresCollection.Name)]
public sealed class IngestionStorageTests(PostgresFixture fixture) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        _database = await fixture.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static NewVektisFile File(string content, int agb = 41000001, string factuur = "F1", char? soort = 'P') =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(content)), content + ".aw319", 1234, new DateOnly(2025, 2, 10), 5501, agb, factuur, soort, "test");

    private static VektisFileOutcome Processed(int lines) => new("processed", [], lines, lines, 0, 100, 100, 12);

    [Fact]
    public async Task A_line_from_reusable_buffers_is_stored_as_the_same_line_given_as_values()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fileId = await StoredFiles.InsertAsync(connection, transaction);
        var value = new StoredLine
        {
            FileId = fileId,
            RecordId = 1,
            ProviderAgb = 41000001,
            Bsn = 999990019,
            Prestatiecode = "Z015",
            BeginDate = new DateOnly(2025, 1, 1),
            EndDate = new DateOnly(2025, 1, 31),
            Volume = 31,
            TariffCents = 14730,
            AppliedTariffCents = 14730,
            DeclaredCents = 456630,
            ApprovedCents = 456630,
            DebitCredit = 'D',
            Referentienummer = "REF-1",
            VoorgaandReferentienummer = "REF-0",
            Retourcode1 = 8001,
            ReceivedOn = new DateOnly(2025, 2, 10),
            Production = true,
        };
        var row = new DeclarationLineRow
        {
            FileId = fileId,
            RecordId = 2,
            ProviderAgb = 41000001,
            Bsn = 999990019,
            BeginDate = value.BeginDate,
            EndDate = value.EndDate,
            Volume = 31,
            TariffCents = 14730,
            AppliedTariffCents = 14730,
            DeclaredCents = 456630,
            ApprovedCents = 456630,
            DebitCredit = 'D',
            Retourcode1 = 8001,
            ReceivedOn = value.ReceivedOn,
            Production = true,
        };
        row.SetPrestatiecode("Z015 "u8);
        row.SetReferentienummer("REF-2               "u8);
        row.SetVoorgaandReferentienummer("REF-0               "u8);

        await using (var writer = await DeclarationLineWriter.BeginAsync(connection, transaction, ExistingLines.Fail))
        {
            writer.Write(value);
            writer.Write(row);

            // The same row reused for a rejected line with a blank 0432 and a NUL in its reference.
            row.RecordId = 3;
            row.SetReferentienummer("REF\0X               "u8);
            row.SetVoorgaandReferentienummer("                    "u8);
            row.ApprovedCents = 0;
            row.Retourcode1 = 8215;
            row.Retourcode2 = 611;
            writer.Write(row);
            Assert.Equal(3L, await writer.CompleteAsync());
        }

        const string Columns = "provider_agb, bsn, prestatiecode, begin_date, end_date, volume, tariff_cents, applied_tariff_cents, declared_cents, " +
            "approved_cents, debit_credit, voorgaand_referentienummer, retourcode_1, retourcode_2, retourcode_3, received_on, production";
        var first = await Sql.ScalarAsync<string>(connection, $"SELECT ROW({Columns})::text FROM declaration_line WHERE record_id = 1", transaction);
        var second = await Sql.ScalarAsync<string>(connection, $"SELECT ROW({Columns})::text FROM declaration_line WHERE record_id = 2", transaction);
        Assert.Equal(first, second);
        Assert.Equal("REF-2", await Sql.ScalarAsync<string>(connection, "SELECT referentienummer FROM declaration_line WHERE record_id = 2", transaction));
        var third = await connection.QuerySingleAsync<(string Reference, string? Voorgaand, short Code2, bool Approved)>(
            "SELECT referentienummer, voorgaand_referentienummer, retourcode_2, approved FROM declaration_line WHERE record_id = 3", transaction: transaction);
        Assert.Equal(("REF\uFFFDX", (string?)null, (short)611, false), third);
    }

    [Fact]
    public async Task A_file_is_claimed_completed_and_found_by_its_content_with_its_AW320()
    {
        await using var connection = await _database.OpenConnectionAsync();
        var file = File("claimed");
        long id;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            id = await VektisFileRepository.InsertClaimedAsync(connection, transaction, file);
            Assert.Null(await FindOnOtherConnectionAsync(file.Sha256));
            await VektisFileRepository.CompleteAsync(connection, transaction, id, Processed(0));
            await VektisFileRepository.InsertAw320Async(connection, transaction, id, "claimed.aw320", new byte[32], 740, [1, 2, 3], "/out/claimed.aw320");
            await transaction.CommitAsync();
        }

        var found = await VektisFileRepository.FindBySha256Async(connection, file.Sha256);
        Assert.NotNull(found);
        Assert.Equal((id, "processed", "claimed.aw319"), (found.Id, found.Status, found.FileName));
        Assert.Equal(new StoredAw320("claimed.aw320", new byte[32], 740, true, "/out/claimed.aw320").ToString(), found.Aw320!.ToString());
        Assert.Equal(new byte[] { 1, 2, 3 }, await VektisFileRepository.ReadAw320ContentAsync(connection, id));
        Assert.True(await VektisFileRepository.IsInvoiceProcessedAsync(connection, 41000001, "F1"));
        Assert.False(await VektisFileRepository.IsInvoiceProcessedAsync(connection, 41000002, "F1"));
    }

    [Fact]
    public async Task Two_files_with_one_invoice_number_cannot_both_be_processed()
    {
        await using var connection = await _database.OpenConnectionAsync();
        foreach (var content in new[] { "first", "second" })
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var id = await VektisFileRepository.InsertClaimedAsync(connection, transaction, File(content, factuur: "SAME"));
            if (content == "first")
            {
                await VektisFileRepository.CompleteAsync(connection, transaction, id, Processed(0));
                await transaction.CommitAsync();
            }
            else
            {
                var e = await Assert.ThrowsAsync<PostgresException>(() => VektisFileRepository.CompleteAsync(connection, transaction, id, Processed(0)));
                Assert.Equal("vektis_file_invoice_key", e.ConstraintName);
            }
        }
    }

    [Fact]
    public async Task A_quarantined_content_is_recorded_once()
    {
        await using var connection = await _database.OpenConnectionAsync();
        var file = File("junk", soort: null);

        Assert.NotNull(await VektisFileRepository.InsertQuarantinedAsync(connection, file, "the file is empty"));
        Assert.Null(await VektisFileRepository.InsertQuarantinedAsync(connection, file, "the file is empty"));

        var found = await VektisFileRepository.FindBySha256Async(connection, file.Sha256);
        Assert.Equal(("quarantined", "the file is empty"), (found!.Status, found.QuarantineReason));
    }

    [Fact]
    public async Task A_file_lock_is_held_by_one_session_at_a_time_and_dies_with_its_connection()
    {
        var sha = SHA256.HashData("locked"u8);
        await using var first = await _database.OpenConnectionAsync();
        await using var second = new NpgsqlConnection(_database.ConnectionString);
        await second.OpenAsync();

        Assert.True(await VektisFileRepository.TryLockAsync(first, sha));
        Assert.False(await VektisFileRepository.TryLockAsync(second, sha));
        Assert.True(await VektisFileRepository.TryLockAsync(second, SHA256.HashData("other"u8)));
        await VektisFileRepository.UnlockAsync(first, sha);
        Assert.True(await VektisFileRepository.TryLockAsync(second, sha));

        await second.CloseAsync();
        NpgsqlConnection.ClearPool(second);

        // The server ends the closed session (and frees its lock) a moment after the client has gone: wait for it, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var locked = await VektisFileRepository.TryLockAsync(first, sha);
        while (!locked && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            locked = await VektisFileRepository.TryLockAsync(first, sha);
        }

        Assert.True(locked);
    }

    [Fact]
    public async Task The_hand_made_COPY_stores_exactly_what_the_importer_stores()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var viaImporter = await StoredFiles.InsertAsync(connection, transaction, content: "importer");
        var viaStream = await StoredFiles.InsertAsync(connection, transaction, content: "stream", factuurnummer: "F2");
        var rows = new List<DeclarationLineRow>();
        for (var i = 0; i < 5_000; i++)
        {
            rows.Add(Row(viaImporter, i));
        }

        await using (var writer = await DeclarationLineWriter.BeginAsync(connection, transaction, ExistingLines.Fail))
        {
            foreach (var row in rows)
            {
                writer.Write(row);
            }

            Assert.Equal(5_000L, await writer.CompleteAsync());
        }

        await using (var stream = await DeclarationLineStream.BeginAsync(connection, transaction))
        {
            foreach (var row in rows)
            {
                row.FileId = viaStream;
                row.ProviderAgb = 41000002;
                stream.Write(row);
            }

            Assert.Equal(5_000L, await stream.CompleteAsync());
        }

        const string Columns = "record_id, bsn, prestatiecode, begin_date, end_date, volume, tariff_cents, applied_tariff_cents, declared_cents, " +
            "approved_cents, debit_credit, referentienummer, voorgaand_referentienummer, retourcode_1, retourcode_2, retourcode_3, received_on, production, approved";
        var byImporter = await Sql.ScalarAsync<string>(connection,
            $"SELECT string_agg(ROW({Columns})::text, '|' ORDER BY record_id) FROM declaration_line WHERE file_id = {viaImporter}", transaction);
        var byStream = await Sql.ScalarAsync<string>(connection,
            $"SELECT string_agg(ROW({Columns})::text, '|' ORDER BY record_id) FROM declaration_line WHERE file_id = {viaStream}", transaction);
        Assert.Equal(byImporter, byStream);
        Assert.Contains("-\u00e9", byStream, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_made_COPY_left_unfinished_stores_nothing()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var fileId = await StoredFiles.InsertAsync(connection, transaction, content: "unfinished");
            await using (var stream = await DeclarationLineStream.BeginAsync(connection, transaction))
            {
                stream.Write(Row(fileId, 1));
            }

            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM declaration_line"));
        Assert.Equal(1, await Sql.ScalarAsync<int>(connection, "SELECT 1"));
    }

    /// <summary>A line with every kind of value: credits, rejections with three codes, invalid dates, Latin-1 text.</summary>
    private static DeclarationLineRow Row(long fileId, int i)
    {
        var credit = i % 10 == 9;
        var rejected = i % 7 == 3;
        var row = new DeclarationLineRow
        {
            FileId = fileId,
            ProviderAgb = 41000001,
            ReceivedOn = new DateOnly(2025, 2, 10),
            Production = i % 2 == 0,
            RecordId = i + 1,
            Bsn = i % 13 == 0 ? -1 : 999_000_000 + i,
            BeginDate = rejected && i % 2 == 1 ? null : new DateOnly(2025, 1, 1).AddDays(i % 31),
            EndDate = rejected && i % 2 == 1 ? null : new DateOnly(2025, 1, 31),
            Volume = i % 1000,
            TariffCents = 14730 + i,
            AppliedTariffCents = 14730,
            DeclaredCents = credit ? -i : i,
            ApprovedCents = rejected ? 0 : credit ? -i : i,
            DebitCredit = credit ? 'C' : 'D',
            Retourcode1 = rejected ? (short)8215 : (short)8001,
            Retourcode2 = rejected ? (short)611 : (short)0,
            Retourcode3 = rejected && i % 2 == 0 ? (short)8226 : (short)0,
        };
        row.SetPrestatiecode(i % 3 == 0 ? "ZMZ01"u8 : "H126 "u8);
        row.SetReferentienummer(System.Text.Encoding.Latin1.GetBytes($"REF-{i:D8}-\u00e9".PadRight(20)));
        row.SetVoorgaandReferentienummer(credit ? System.Text.Encoding.Latin1.GetBytes($"REF-{i - 1:D8}".PadRight(20)) : "                    "u8);
        return row;
    }

    private async Task<StoredVektisFile?> FindOnOtherConnectionAsync(byte[] sha256)
    {
        await using var other = new NpgsqlConnection(_database.ConnectionString);
        await other.OpenAsync();
        return await VektisFileRepository.FindBySha256Async(other, sha256);
    }
}
