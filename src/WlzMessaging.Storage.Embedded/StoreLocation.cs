using Microsoft.Extensions.Logging;
using WlzMessaging.Storage;

namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// Where the store is: an external server's connection string when one is given, else the embedded server in a data
/// directory (started, and created on first use). Every command and the worker open their database through this one
/// choice.
/// </summary>
public sealed record StoreLocation(string? Connection, string DataDirectory)
{
    /// <summary>The data directory when none is configured: ./.wlz.</summary>
    public const string DefaultDataDirectory = ".wlz";

    /// <summary>
    /// Settings for the embedded server when this process starts it, shaped by the ingestion of one big file: a file of a
    /// million lines writes about 300 MB of WAL in one transaction, so checkpoints are spaced out beyond that (fewer full
    /// page images in the middle of a COPY), and the shared buffers hold the declaration_line pages and index pages a COPY
    /// is filling and the history probes read. 1 GB rather than 256 MB: by a year of lines (about 1 million here, 25 million
    /// nationally) the indexes the probes and the COPY touch outgrow 256 MB, and each page then comes from the OS cache; in
    /// the year benchmark, run in alternation, month 12 took 1.26x month 1 with 1 GB against 1.39x with 256 MB
    /// (README, "A year"). Durability is untouched (fsync, full_page_writes and synchronous_commit stay on).
    /// </summary>
    internal static IReadOnlyDictionary<string, string> BulkLoadSettings { get; } = new Dictionary<string, string>
    {
        ["shared_buffers"] = "1GB",
        ["max_wal_size"] = "2GB",
        ["checkpoint_timeout"] = "15min",
        ["wal_buffers"] = "16MB",
    };

    /// <summary>Where the store is, for messages: the external server (never its password) or the data directory.</summary>
    public string Description => IsExternal ? "external PostgreSQL" : $"embedded PostgreSQL in {DataDirectory}";

    /// <summary>
    /// Whether the store is there: always for an external server (the server answers for itself), for the embedded one when
    /// its data directory holds a cluster. A command that must not create a store checks this first.
    /// </summary>
    public bool Exists => IsExternal || File.Exists(new ClusterLayout(Path.GetFullPath(DataDirectory)).VersionFile);

    /// <summary>Whether this location is an external server (a connection string) rather than the embedded one.</summary>
    public bool IsExternal => !string.IsNullOrWhiteSpace(Connection);

    /// <summary>The external endpoint, or the embedded server started with <paramref name="options"/> (default: bulk-load settings).</summary>
    /// <exception cref="EmbeddedPostgresException">The embedded server could not be started (one-line reason).</exception>
    /// <exception cref="ArgumentException">The connection string is not valid.</exception>
    public async Task<DatabaseEndpoint> OpenEndpointAsync(EmbeddedPostgresOptions? options, CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            return ExternalDatabaseEndpoint.Create(Connection!);
        }

        var server = await EmbeddedPostgres.StartAsync(
                string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory : DataDirectory,
                options ?? EmbeddedPostgresOptions.Default with { ServerSettings = BulkLoadSettings },
                cancellationToken)
            .ConfigureAwait(false);
        return new EmbeddedDatabaseEndpoint(server);
    }

    /// <summary>The endpoint opened and the schema brought up to date; Npgsql and the embedded server log to <paramref name="loggers"/>.</summary>
    public async Task<Store> OpenStoreAsync(ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        var options = EmbeddedPostgresOptions.Default with
        {
            Logger = loggers?.CreateLogger("WlzMessaging.Storage"),
            ServerSettings = BulkLoadSettings,
        };
        var endpoint = await OpenEndpointAsync(options, cancellationToken).ConfigureAwait(false);
        return await Store.OpenAsync(endpoint, loggers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>This location as the opener a worker calls again after an outage.</summary>
    public StoreOpener Opener(ILoggerFactory? loggers) => cancellationToken => OpenStoreAsync(loggers, cancellationToken);
}
