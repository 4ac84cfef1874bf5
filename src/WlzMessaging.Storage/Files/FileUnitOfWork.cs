using Microsoft.Extensions.Logging;
using Npgsql;
using WlzMessaging.Adjudication;
using WlzMessaging.Storage.History;
using WlzMessaging.Storage.Lines;

namespace WlzMessaging.Storage.Files;

/// <summary>
/// The store's part of processing one input file, as Ingestion's file processor does it: one connection of its own, the
/// file's advisory lock held from <see cref="TryBeginAsync"/> to <see cref="DisposeAsync"/>, and at most one transaction
/// (<see cref="ClaimAsync"/> to <see cref="CommitAsync"/>) that claims the file's row, takes its provider's writer lock,
/// reads the provider's history, COPYs the lines and records the outcome and the AW320. Per file, never per line: the lines
/// go through the <see cref="DeclarationLineStream"/> of <see cref="BeginLinesAsync"/>. specs/storage.md has the order.
/// </summary>
public sealed class FileUnitOfWork : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly byte[] _sha256;
    private readonly ILogger _logger;
    private NpgsqlTransaction? _transaction;
    private long _fileId;
    private string? _answerNameLock;

    private FileUnitOfWork(NpgsqlConnection connection, byte[] sha256, ILogger logger)
    {
        _connection = connection;
        _sha256 = sha256;
        _logger = logger;
    }

    /// <summary>
    /// Opens a connection and takes the file's advisory lock (<see cref="VektisFileRepository.TryLockAsync"/>) without waiting.
    /// Null when another session has the file in hand: a worker that finds it taken leaves the file to the one that has it.
    /// </summary>
    /// <param name="logger">Told (at debug) when the lock could not be given back and goes with the connection.</param>
    public static async Task<FileUnitOfWork?> TryBeginAsync(Store store, byte[] sha256, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentNullException.ThrowIfNull(logger);
        var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await VektisFileRepository.TryLockAsync(connection, sha256, cancellationToken).ConfigureAwait(false))
            {
                return new FileUnitOfWork(connection, sha256, logger);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Waits for the lock of the input's base name (<see cref="AnswerNames"/>) under which its answer's name is chosen and
    /// published; held until <see cref="DisposeAsync"/>, after the answer is renamed into the outbox.
    /// </summary>
    public async Task LockAnswerNameAsync(string baseName, CancellationToken cancellationToken)
    {
        await AnswerNames.LockAsync(_connection, baseName, cancellationToken).ConfigureAwait(false);
        _answerNameLock = baseName;
    }

    /// <summary>Which of <paramref name="names"/> a committed AW320 of a file other than <paramref name="exceptFileId"/> holds.</summary>
    public Task<IReadOnlySet<string>> AnswerNamesTakenAsync(IReadOnlyList<string> names, long? exceptFileId, CancellationToken cancellationToken) =>
        AnswerNames.TakenAsync(_connection, names, exceptFileId, cancellationToken);

    /// <summary>The file with this content, when one was stored before (processed, rejected or quarantined).</summary>
    public Task<StoredVektisFile?> FindStoredAsync(CancellationToken cancellationToken) =>
        VektisFileRepository.FindBySha256Async(_connection, _sha256, cancellationToken);

    /// <summary>The AW320 kept in the row of an earlier file, when it was small enough to keep there.</summary>
    public Task<byte[]?> ReadAw320ContentAsync(long fileId, CancellationToken cancellationToken) =>
        VektisFileRepository.ReadAw320ContentAsync(_connection, fileId, cancellationToken);

    /// <summary>Records the file as quarantined with <paramref name="reason"/> (outside any transaction).</summary>
    public Task InsertQuarantinedAsync(NewVektisFile file, string reason, CancellationToken cancellationToken) =>
        VektisFileRepository.InsertQuarantinedAsync(_connection, file, reason, cancellationToken);

    /// <summary>True when a production file of this provider with this invoice number was processed before (F02).</summary>
    public Task<bool> IsInvoiceProcessedAsync(int providerAgb, string factuurnummer, CancellationToken cancellationToken) =>
        VektisFileRepository.IsInvoiceProcessedAsync(_connection, providerAgb, factuurnummer, cancellationToken);

    /// <summary>Begins the file's transaction and inserts its row as claimed; returns the file's id.</summary>
    public async Task<long> ClaimAsync(NewVektisFile file, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("the file is claimed already");
        }

        _transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        _fileId = await VektisFileRepository.InsertClaimedAsync(_connection, _transaction, file, cancellationToken).ConfigureAwait(false);
        return _fileId;
    }

    /// <summary>
    /// Waits for the provider's writer lock (<see cref="ProviderLock"/>) in the file's transaction: taken before the history
    /// is read, held until the commit or rollback.
    /// </summary>
    public Task LockProviderAsync(int providerAgb, CancellationToken cancellationToken) =>
        ProviderLock.AcquireAsync(_connection, Transaction, providerAgb, cancellationToken);

    /// <summary>
    /// Loads the history of provider <paramref name="agb"/> for the keys <paramref name="prepass"/> found into
    /// <paramref name="history"/> (<see cref="DeclarationHistoryStore"/>), in the file's transaction.
    /// </summary>
    /// <returns>False when the provider had no production line at all (nothing was probed).</returns>
    public Task<bool> LoadHistoryAsync(int agb, FilePrepassResult prepass, DeclarationHistory history, CancellationToken cancellationToken) =>
        DeclarationHistoryStore.LoadAsync(_connection, Transaction, agb, prepass, history, cancellationToken);

    /// <summary>Opens the binary COPY of the file's lines into declaration_line, in the file's transaction.</summary>
    public Task<DeclarationLineStream> BeginLinesAsync(CancellationToken cancellationToken) =>
        DeclarationLineStream.BeginAsync(_connection, Transaction, cancellationToken);

    /// <summary>Sets the claimed file's outcome, in its transaction.</summary>
    public Task CompleteAsync(VektisFileOutcome outcome, CancellationToken cancellationToken) =>
        VektisFileRepository.CompleteAsync(_connection, Transaction, _fileId, outcome, cancellationToken);

    /// <summary>Records the AW320 that answers the file, in its transaction: in the row when <paramref name="content"/> is given.</summary>
    public Task InsertAw320Async(string fileName, byte[] sha256, long sizeBytes, byte[]? content, string? path, CancellationToken cancellationToken) =>
        VektisFileRepository.InsertAw320Async(_connection, Transaction, _fileId, fileName, sha256, sizeBytes, content, path, cancellationToken);

    /// <summary>Commits the file's transaction: the point of no return. The provider's lock goes with it; the file's stays.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    /// <summary>After the commit: the statistics made current after a large load (<see cref="DeclarationLineStatistics"/>).</summary>
    public Task<bool> RefreshLineStatisticsAsync(long lines, CancellationToken cancellationToken) =>
        DeclarationLineStatistics.RefreshAfterLoadAsync(_connection, lines, cancellationToken);

    /// <summary>
    /// Rolls back a transaction that was not committed, gives the file's lock back and closes the connection. A connection
    /// that broke took its locks with it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        await UnlockAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private NpgsqlTransaction Transaction => _transaction ?? throw new InvalidOperationException("the file is not claimed");

    private async Task UnlockAsync()
    {
        if (_connection.FullState != System.Data.ConnectionState.Open)
        {
            // A broken connection took its locks with it.
            return;
        }

        try
        {
            if (_answerNameLock is { } name)
            {
                await AnswerNames.UnlockAsync(_connection, name, CancellationToken.None).ConfigureAwait(false);
            }

            await VektisFileRepository.UnlockAsync(_connection, _sha256, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            _logger.LogDebug(e, "Could not release the locks of a file; they go with the connection");
        }
    }
}
