using Npgsql;
using NpgsqlTypes;

namespace WlzMessaging.Storage.Lines;

/// <summary>
/// Writes declaration lines in bulk with binary COPY. By default (<see cref="ExistingLines.Skip"/>) into a temporary staging
/// table, then one <c>INSERT … SELECT … ON CONFLICT (file_id, record_id) DO NOTHING</c> into <c>declaration_line</c>: COPY
/// itself has no ON CONFLICT, and the staging step makes writing a file's lines again harmless (nothing is doubled). With
/// <see cref="ExistingLines.Fail"/>, straight into declaration_line, in about half the time.
/// </summary>
/// <remarks>
/// <para>
/// Lines stream through: nothing is held in memory beyond COPY's buffer, so a file of millions of lines costs no more memory
/// than one of ten. Use it inside the file's transaction (the staging table lives until that transaction ends):
/// <code>
/// await using var writer = await DeclarationLineWriter.BeginAsync(connection, transaction, ct);
/// foreach (var line in lines) writer.Write(line);
/// long inserted = await writer.CompleteAsync(ct);
/// </code>
/// A writer disposed without <see cref="CompleteAsync"/> cancels the COPY, which fails the transaction: roll it back.
/// </para>
/// <para>
/// The conflict target is named on purpose: a bare ON CONFLICT DO NOTHING would also swallow a violation of the reference
/// indexes (an approved reference stored twice), silently dropping a line instead of failing the file.
/// </para>
/// </remarks>
public sealed class DeclarationLineWriter : IAsyncDisposable
{
    private const string StagingTable = "declaration_line_staging";

    private const string Columns =
        "file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume, tariff_cents, " +
        "applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer, voorgaand_referentienummer, " +
        "retourcode_1, retourcode_2, retourcode_3, received_on, production";

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ExistingLines _existing;
    private NpgsqlBinaryImporter? _importer;

    private DeclarationLineWriter(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ExistingLines existing, NpgsqlBinaryImporter importer)
    {
        _connection = connection;
        _transaction = transaction;
        _existing = existing;
        _importer = importer;
    }

    /// <summary>Lines written to the staging table so far.</summary>
    public long Written { get; private set; }

    /// <summary>Writes <paramref name="lines"/> and returns how many were new (lines already stored are skipped).</summary>
    public static Task<long> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<StoredLine> lines, CancellationToken cancellationToken = default) =>
        WriteAsync(connection, transaction, lines, ExistingLines.Skip, cancellationToken);

    /// <summary>Writes <paramref name="lines"/> and returns how many were stored.</summary>
    public static async Task<long> WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IEnumerable<StoredLine> lines,
        ExistingLines existing,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await using var writer = await BeginAsync(connection, transaction, existing, cancellationToken).ConfigureAwait(false);
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Write(line);
        }

        return await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the staging table and the COPY into it, in <paramref name="transaction"/>.</summary>
    public static Task<DeclarationLineWriter> BeginAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default) =>
        BeginAsync(connection, transaction, ExistingLines.Skip, cancellationToken);

    /// <summary>Opens the COPY, in <paramref name="transaction"/>: into a staging table, or straight into declaration_line.</summary>
    public static async Task<DeclarationLineWriter> BeginAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ExistingLines existing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("the transaction is finished or belongs to another connection", nameof(transaction));
        }

        var target = "declaration_line";
        if (existing == ExistingLines.Skip)
        {
            // LIKE keeps the staging columns' types in step with the table as later migrations change it. ON COMMIT DROP:
            // the table goes with the transaction, committed or rolled back, so a pooled connection carries nothing over.
            await using var create = new NpgsqlCommand(
                $"CREATE TEMP TABLE IF NOT EXISTS {StagingTable} (LIKE declaration_line INCLUDING DEFAULTS) ON COMMIT DROP",
                connection,
                transaction);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            target = StagingTable;
        }

        var importer = await connection.BeginBinaryImportAsync($"COPY {target} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        return new DeclarationLineWriter(connection, transaction, existing, importer);
    }

    /// <summary>
    /// Adds one line to the COPY. Synchronous on purpose: it only touches the socket when COPY's buffer is full, and an
    /// await per field of a million lines costs more than the rare blocking send; a file is processed on a thread of its own.
    /// </summary>
    public void Write(in StoredLine line)
    {
        var importer = Importer();
        importer.StartRow();
        importer.Write(line.FileId, NpgsqlDbType.Bigint);
        importer.Write(line.RecordId, NpgsqlDbType.Bigint);
        importer.Write(line.ProviderAgb, NpgsqlDbType.Integer);
        importer.Write(line.Bsn, NpgsqlDbType.Integer);
        importer.Write(line.Prestatiecode, NpgsqlDbType.Text);
        WriteDate(importer, line.BeginDate);
        WriteDate(importer, line.EndDate);
        importer.Write(line.Volume, NpgsqlDbType.Integer);
        importer.Write(line.TariffCents, NpgsqlDbType.Bigint);
        importer.Write(line.AppliedTariffCents, NpgsqlDbType.Bigint);
        importer.Write(line.DeclaredCents, NpgsqlDbType.Bigint);
        importer.Write(line.ApprovedCents, NpgsqlDbType.Bigint);
        importer.Write(line.DebitCredit, NpgsqlDbType.Char);
        importer.Write(line.Referentienummer, NpgsqlDbType.Text);
        if (line.VoorgaandReferentienummer is { } voorgaand)
        {
            importer.Write(voorgaand, NpgsqlDbType.Text);
        }
        else
        {
            importer.WriteNull();
        }

        importer.Write(line.Retourcode1, NpgsqlDbType.Smallint);
        WriteRetourcode(importer, line.Retourcode2);
        WriteRetourcode(importer, line.Retourcode3);
        importer.Write(line.ReceivedOn, NpgsqlDbType.Date);
        importer.Write(line.Production, NpgsqlDbType.Boolean);
        Written++;
    }

    /// <summary>
    /// Ends the COPY and, with <see cref="ExistingLines.Skip"/>, moves the staged lines into <c>declaration_line</c>; returns
    /// how many lines were stored. The staging table is emptied, so the same transaction may write another batch with a new
    /// writer.
    /// </summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken = default)
    {
        var importer = Importer();
        var copied = await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await importer.DisposeAsync().ConfigureAwait(false);
        _importer = null;
        if (_existing == ExistingLines.Fail)
        {
            return checked((long)copied);
        }

        long inserted;
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO declaration_line ({Columns}) SELECT {Columns} FROM {StagingTable} " +
            "ON CONFLICT (file_id, record_id) DO NOTHING",
            _connection,
            _transaction))
        {
            // Millions of lines take longer than a request's timeout; the file's transaction bounds the work instead.
            insert.CommandTimeout = 0;
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var truncate = new NpgsqlCommand($"TRUNCATE {StagingTable}", _connection, _transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return inserted;
    }

    public async ValueTask DisposeAsync()
    {
        if (_importer is { } importer)
        {
            // Not completed: disposing cancels the COPY (and with it the transaction).
            _importer = null;
            await importer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private NpgsqlBinaryImporter Importer() =>
        _importer ?? throw new InvalidOperationException("the writer is completed or disposed");

    private static void WriteDate(NpgsqlBinaryImporter importer, DateOnly? date)
    {
        if (date is { } value)
        {
            importer.Write(value, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void WriteRetourcode(NpgsqlBinaryImporter importer, short code)
    {
        if (code != 0)
        {
            importer.Write(code, NpgsqlDbType.Smallint);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
