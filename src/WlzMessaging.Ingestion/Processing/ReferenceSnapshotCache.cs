using WlzMessaging.Reference;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Reference;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// The reference data in memory, as one immutable <see cref="ReferenceSnapshot"/> shared by every file: built from the
/// tables when first asked for, and rebuilt only when an import changed a table (the version in <c>reference_import</c>
/// differs). Asking costs one small query per file; the tables are read once per change, never per line.
/// </summary>
public sealed class ReferenceSnapshotCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _current;

    /// <summary>How many times the tables were read and a snapshot built (a test holds it to one per change).</summary>
    public int Builds { get; private set; }

    /// <summary>The version of the snapshot in hand; null before the first build.</summary>
    public string? Version => _current?.Version;

    /// <summary>The snapshot of the reference data now in the store, read through a connection of its own.</summary>
    public async Task<ReferenceSnapshot> GetAsync(Store store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reader = await ReferenceReader.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await GetAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ReferenceSnapshot> GetAsync(ReferenceReader reader, CancellationToken cancellationToken)
    {
        var version = await reader.ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        if (_current is { } current && current.Version == version)
        {
            return current.Snapshot;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } built && built.Version == version)
            {
                return built.Snapshot;
            }

            var (loadedVersion, tables) = await reader.LoadAsync(cancellationToken).ConfigureAwait(false);
            var entry = new Entry(loadedVersion, ReferenceSnapshot.Build(tables));
            _current = entry;
            Builds++;

            // Reading and building leave several times the snapshot's size as garbage (row lists, the dictionaries the
            // frozen ones are made from). Once per change of the reference data, give that memory back to the system
            // instead of carrying it as the process's high-water mark into every file.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return entry.Snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Entry(string Version, ReferenceSnapshot Snapshot);
}
