using System.Buffers.Binary;
using Npgsql;
using NpgsqlTypes;

namespace WlzMessaging.Storage.Files;

/// <summary>A file as its voorlooprecord and the mailbox describe it, when processing begins.</summary>
/// <param name="Sha256">SHA-256 of the file's bytes: the same content is the same file.</param>
/// <param name="Uzovi">0108, null when not digits.</param>
/// <param name="ProviderAgb">0112, null when not digits.</param>
/// <param name="Factuurnummer">0116 without padding, null when blank.</param>
/// <param name="SoortBericht">0105 when P or T, else null.</param>
/// <param name="ClaimedBy">The worker or command that processes it.</param>
/// <param name="PeriodEnd">0115 EINDDATUM DECLARATIEPERIODE, the base of the lateness report; null when not a date.</param>
public sealed record NewVektisFile(
    byte[] Sha256,
    string FileName,
    long SizeBytes,
    DateOnly ReceivedOn,
    short? Uzovi,
    int? ProviderAgb,
    string? Factuurnummer,
    char? SoortBericht,
    string ClaimedBy,
    DateOnly? PeriodEnd = null);

/// <summary>What a file's processing found, written to its vektis_file row in the transaction that stores its lines.</summary>
/// <param name="Status"><c>processed</c> or <c>rejected</c> (as a whole).</param>
/// <param name="Retourcodes">The file-level codes of a rejected file as its AW320's 01 gives them; empty otherwise.</param>
public sealed record VektisFileOutcome(
    string Status,
    IReadOnlyList<short> Retourcodes,
    int LineCount,
    int ApprovedCount,
    int RejectedCount,
    long DeclaredCents,
    long ApprovedCents,
    int ProcessingMilliseconds);

/// <summary>A file already in the store, found by its hash, with what is known of its AW320.</summary>
public sealed record StoredVektisFile(
    long Id,
    string Status,
    string FileName,
    DateOnly ReceivedOn,
    string? QuarantineReason,
    int LineCount,
    int ApprovedCount,
    int RejectedCount,
    long DeclaredCents,
    long ApprovedCents,
    IReadOnlyList<short> Retourcodes,
    StoredAw320? Aw320);

/// <summary>The aw320 row of a file: its name, hash and size, and where a copy is kept (in the row, on disk, or both).</summary>
public sealed record StoredAw320(string FileName, byte[] Sha256, long SizeBytes, bool HasContent, string? Path);

/// <summary>
/// The SQL of <c>vektis_file</c> and <c>aw320</c> as the file pipeline uses it: find a file by hash, check an invoice number,
/// claim, complete, keep the AW320, and the per-file advisory lock that keeps workers apart.
/// </summary>
public static class VektisFileRepository
{
    /// <summary>
    /// The advisory-lock key of a file: the first 8 bytes of its SHA-256. A 64-bit key makes two different files share a lock
    /// with odds of 2^-64 (hashtext's 32 bits would be 2^-32); sharing one would only make them wait for each other.
    /// </summary>
    public static long LockKey(ReadOnlySpan<byte> sha256) => BinaryPrimitives.ReadInt64BigEndian(sha256[..8]);

    /// <summary>
    /// Takes the session-level advisory lock of a file, without waiting: false when another session holds it (another worker
    /// has the file in hand). Held until <see cref="UnlockAsync"/> or until the connection ends, so it covers the steps after
    /// the commit (renaming the AW320, archiving the input) and dies with a killed worker's connection.
    /// </summary>
    public static async Task<bool> TryLockAsync(NpgsqlConnection connection, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey(sha256) });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public static async Task UnlockAsync(NpgsqlConnection connection, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey(sha256) });
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file with this content, when one was stored (processed, rejected or quarantined).</summary>
    public static async Task<StoredVektisFile?> FindBySha256Async(NpgsqlConnection connection, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            """
            SELECT f.id, f.status, f.file_name, f.received_on, f.quarantine_reason, f.line_count, f.approved_count, f.rejected_count,
                   f.declared_cents, f.approved_cents, f.retourcodes,
                   a.file_name, a.sha256, a.size_bytes, a.content IS NOT NULL, a.path
            FROM vektis_file f LEFT JOIN aw320 a ON a.file_id = f.id
            WHERE f.sha256 = $1 AND f.status <> 'claimed'
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = sha256, NpgsqlDbType = NpgsqlDbType.Bytea });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var aw320 = reader.IsDBNull(11)
            ? null
            : new StoredAw320(reader.GetString(11), reader.GetFieldValue<byte[]>(12), reader.GetInt64(13), reader.GetBoolean(14),
                reader.IsDBNull(15) ? null : reader.GetString(15));
        return new StoredVektisFile(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetFieldValue<DateOnly>(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetInt32(5),
            reader.GetInt32(6),
            reader.GetInt32(7),
            reader.GetInt64(8),
            reader.GetInt64(9),
            reader.GetFieldValue<short[]>(10),
            aw320);
    }

    /// <summary>The AW320 kept in the row of a file, when it was small enough to keep there.</summary>
    public static async Task<byte[]?> ReadAw320ContentAsync(NpgsqlConnection connection, long fileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT content FROM aw320 WHERE file_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fileId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <summary>True when an AW320 of this name and content was committed as the answer to a file; asked over a connection of its own.</summary>
    public static async Task<bool> IsCommittedAw320Async(Store store, string fileName, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await IsCommittedAw320Async(connection, fileName, sha256, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when an AW320 of this name and content was committed as the answer to a file.</summary>
    public static async Task<bool> IsCommittedAw320Async(
        NpgsqlConnection connection, string fileName, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM aw320 WHERE file_name = $1 AND sha256 = $2)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fileName });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = sha256 });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <summary>
    /// True when a production file of this provider with this invoice number was processed before (F02, retourcode 0030).
    /// Rejected and test files do not count (the partial unique index vektis_file_invoice_key holds the same rule).
    /// </summary>
    public static async Task<bool> IsInvoiceProcessedAsync(
        NpgsqlConnection connection, int providerAgb, string factuurnummer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM vektis_file WHERE provider_agb = $1 AND factuurnummer = $2 AND status = 'processed' AND soort_bericht = 'P')",
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = providerAgb });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = factuurnummer });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Inserts the file's row as <c>claimed</c> in <paramref name="transaction"/> and returns its id, which its lines and its
    /// AW320 reference. Only that transaction sees the row until <see cref="CompleteAsync"/> and the commit.
    /// </summary>
    public static async Task<long> InsertClaimedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewVektisFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(file);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO vektis_file (sha256, file_name, size_bytes, received_on, status, uzovi, provider_agb, factuurnummer,
                                     soort_bericht, claimed_by, claimed_at, period_end)
            VALUES ($1, $2, $3, $4, 'claimed', $5, $6, $7, $8, $9, now(), $10)
            RETURNING id
            """,
            connection,
            transaction);
        AddFileParameters(command, file);
        command.Parameters.Add(Nullable(file.PeriodEnd, NpgsqlDbType.Date));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Records a file that is not a Vektis message at all; returns its id, or null when its content was recorded before.</summary>
    public static async Task<long?> InsertQuarantinedAsync(
        NpgsqlConnection connection, NewVektisFile file, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(file);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO vektis_file (sha256, file_name, size_bytes, received_on, status, uzovi, provider_agb, factuurnummer,
                                     soort_bericht, claimed_by, claimed_at, finished_at, quarantine_reason, period_end)
            VALUES ($1, $2, $3, $4, 'quarantined', $5, $6, $7, $8, $9, now(), now(), $10, $11)
            ON CONFLICT (sha256) DO NOTHING
            RETURNING id
            """,
            connection);
        AddFileParameters(command, file);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        command.Parameters.Add(Nullable(file.PeriodEnd, NpgsqlDbType.Date));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    /// <summary>Sets the outcome of a claimed file, in the transaction that stored its lines.</summary>
    public static async Task CompleteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long fileId, VektisFileOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(outcome);
        await using var command = new NpgsqlCommand(
            """
            UPDATE vektis_file
            SET status = $2, retourcodes = $3, line_count = $4, approved_count = $5, rejected_count = $6,
                declared_cents = $7, approved_cents = $8, processing_ms = $9, finished_at = now()
            WHERE id = $1 AND status = 'claimed'
            """,
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fileId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = outcome.Status });
        command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = [.. outcome.Retourcodes] });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = outcome.LineCount });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = outcome.ApprovedCount });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = outcome.RejectedCount });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = outcome.DeclaredCents });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = outcome.ApprovedCents });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = outcome.ProcessingMilliseconds });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"vektis_file {fileId} is not claimed in this transaction");
        }
    }

    /// <summary>Records the AW320 that answers a file: in the row when <paramref name="content"/> is given, else by path.</summary>
    public static async Task InsertAw320Async(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long fileId,
        string fileName,
        byte[] sha256,
        long sizeBytes,
        byte[]? content,
        string? path,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "INSERT INTO aw320 (file_id, file_name, sha256, size_bytes, content, path) VALUES ($1, $2, $3, $4, $5, $6)",
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fileId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fileName });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = sha256, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sizeBytes });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)content ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)path ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddFileParameters(NpgsqlCommand command, NewVektisFile file)
    {
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = file.Sha256, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.FileName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = file.SizeBytes });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = file.ReceivedOn, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(Nullable(file.Uzovi, NpgsqlDbType.Smallint));
        command.Parameters.Add(Nullable(file.ProviderAgb, NpgsqlDbType.Integer));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)file.Factuurnummer ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = file.SoortBericht is { } s ? s.ToString() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Char });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.ClaimedBy });
    }

    private static NpgsqlParameter Nullable<T>(T? value, NpgsqlDbType type)
        where T : struct =>
        new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = type };
}
