using Microsoft.Extensions.Logging;

namespace WlzMessaging.Storage.Embedded;

/// <summary>How the private PostgreSQL is made and started.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>The options <c>wlz</c> runs with: a durable server (fsync on), database <c>wlz</c>.</summary>
    public static EmbeddedPostgresOptions Default { get; } = new();

    /// <summary>
    /// For throwaway clusters in tests: nothing is synced to disk (a machine crash may corrupt the cluster, which a test run
    /// does not care about) and little memory is taken, so a cluster is made and started in about a second.
    /// </summary>
    public static EmbeddedPostgresOptions ForTests { get; } = new()
    {
        Durable = false,
        ServerSettings = new Dictionary<string, string>
        {
            ["shared_buffers"] = "16MB",
            ["max_connections"] = "50",
        },
    };

    /// <summary>The database the connection string names; created when missing.</summary>
    public string DatabaseName { get; init; } = "wlz";

    /// <summary>
    /// False turns off everything that makes the cluster survive a machine crash: initdb --no-sync, fsync, synchronous_commit
    /// and full_page_writes. Only for tests.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>Further server settings (<c>-c name=value</c>), applied when this launcher starts the server.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>A directory holding initdb, pg_ctl and postgres; null searches /usr/lib/postgresql/*/bin and PATH.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>How long creating, starting or stopping the server may take, waiting for another process's start included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the launcher says what it did (one line per start and stop); null says nothing.</summary>
    public ILogger? Logger { get; init; }
}
