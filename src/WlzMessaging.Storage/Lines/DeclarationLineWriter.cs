using Npgsql;

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
    private const string Columns = DeclarationLineStream.Columns;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ExistingLines _existing;
    private readonly DeclarationLineRow _row = new();
    private DeclarationLineStream? _stream;

    private DeclarationLineWriter(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ExistingLines existing, DeclarationLineStream stream)
    {
        _connection = connection;
        _transaction = transaction;
        _existing = existing;
        _stream = stream;
    }

    /// <summary>Lines written to the COPY so far.</summary>
    public long Written => Stream().Written;

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

        var stream = await DeclarationLineStream.BeginAsync(connection, transaction, target, cancellationToken).ConfigureAwait(false);
        return new DeclarationLineWriter(connection, transaction, existing, stream);
    }

    /// <summary>Adds one line to the COPY (synchronous, as <see cref="DeclarationLineStream.Write"/> explains).</summary>
    public void Write(in StoredLine line)
    {
        _row.Load(line);
        Stream().Write(_row);
    }

    /// <summary>Adds one line from reusable buffers, allocating nothing (the file pipeline's way).</summary>
    public void Write(DeclarationLineRow row) => Stream().Write(row);

    /// <summary>
    /// Ends the COPY and, with <see cref="ExistingLines.Skip"/>, moves the staged lines into <c>declaration_line</c>; returns
    /// how many lines were stored. The staging table is emptied, so the same transaction may write another batch with a new
    /// writer.
    /// </summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken = default)
    {
        var stream = Stream();
        var copied = await stream.CompleteAsync(cancellationToken).ConfigureAwait(false);
        _stream = null;
        if (_existing == ExistingLines.Fail)
        {
            return copied;
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

    /// <summary>Not completed: cancels the COPY, which fails the transaction (roll it back).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stream, null) is { } stream)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private DeclarationLineStream Stream() =>
        _stream ?? throw new InvalidOperationException("the writer is completed or disposed");
}
