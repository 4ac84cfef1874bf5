using Npgsql;
using WlzMessaging.Reference;

namespace WlzMessaging.Storage.Reference;

/// <summary>
/// Reads the reference tables over one connection of its own: first their version (one small query), then, when the caller's
/// snapshot is of another version, the tables themselves. What Ingestion's snapshot cache asks of the store.
/// </summary>
public sealed class ReferenceReader : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private ReferenceReader(NpgsqlConnection connection) => _connection = connection;

    public static async Task<ReferenceReader> OpenAsync(Store store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new ReferenceReader(await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The version of the reference data now in the store (<see cref="ReferenceRepository.ReadVersionAsync"/>).</summary>
    public Task<string> ReadVersionAsync(CancellationToken cancellationToken) =>
        ReferenceRepository.ReadVersionAsync(_connection, cancellationToken);

    /// <summary>Every reference table with the version they make up (<see cref="ReferenceRepository.LoadAsync"/>).</summary>
    public Task<(string Version, ReferenceTables Tables)> LoadAsync(CancellationToken cancellationToken) =>
        ReferenceRepository.LoadAsync(_connection, cancellationToken);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
