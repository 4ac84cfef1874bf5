using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WlzMessaging.Storage;

namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// A private PostgreSQL server in a data directory (default <c>./.wlz</c>): the cluster is created on first use with the
/// machine's initdb, started with pg_ctl on a Unix socket only (no TCP port), and stopped when the last process using it
/// lets go. Layout of the directory: <see cref="ClusterLayout"/>.
/// </summary>
/// <remarks>
/// <para>
/// A server already running in the directory is reused, not started twice: it may belong to another live process (a worker
/// while an operator runs a command), or be left behind by a process that was killed. Every process using the server holds
/// a lease; disposing stops the server only when no other live process holds one, so the server a killed process left
/// running is stopped by the next process that reuses it. A reused server keeps the settings it was started with.
/// </para>
/// <para>
/// A postmaster.pid whose process is gone (the server was killed, the machine rebooted) is removed before starting. As root,
/// the server runs as the <c>postgres</c> user; see <see cref="ServerAccount"/>.
/// </para>
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ServerControl _control;
    private readonly EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;

    // Every connection string handed out: their pools are cleared when the server stops, or a pooled connection to the
    // stopped server would be handed to the next user (of a server started again in this process) and fail.
    private readonly ConcurrentDictionary<string, bool> _connectionStrings = new(StringComparer.Ordinal);
    private DataDirectoryLease? _lease;

    private EmbeddedPostgres(
        ServerControl control, EmbeddedPostgresOptions options, DataDirectoryLease lease, PostmasterPidFile pidFile, bool createdCluster, bool startedServer)
    {
        _control = control;
        _options = options;
        _logger = options.Logger ?? NullLogger.Instance;
        _lease = lease;
        SocketDirectory = pidFile.SocketDirectory;
        Port = pidFile.Port;
        CreatedCluster = createdCluster;
        StartedServer = startedServer;
        ConnectionString = GetConnectionString(options.DatabaseName);
    }

    /// <summary>The data directory, as a full path.</summary>
    public string DataDirectory => _control.Layout.Root;

    /// <summary>The cluster itself (PGDATA): DIR/pg.</summary>
    public string ClusterDirectory => _control.Layout.ClusterDirectory;

    /// <summary>The directory holding the server's socket; the Host of every connection string.</summary>
    public string SocketDirectory { get; }

    /// <summary>The port number that names the socket file (.s.PGSQL.PORT); no TCP port is open.</summary>
    public int Port { get; }

    /// <summary>The server's log: DIR/postgres.log.</summary>
    public string LogFile => _control.Layout.LogFile;

    public string DatabaseName => _options.DatabaseName;

    /// <summary>Whether this launcher ran initdb (the directory held no cluster).</summary>
    public bool CreatedCluster { get; }

    /// <summary>Whether this launcher started the server; false when it reused one that was already running.</summary>
    public bool StartedServer { get; }

    /// <summary>A connection string for <see cref="DatabaseName"/>; see <see cref="ConnectionStrings.ForSocket"/>.</summary>
    public string ConnectionString { get; }

    public string GetConnectionString(string databaseName)
    {
        var connectionString = ConnectionStrings.ForSocket(SocketDirectory, Port, databaseName, ServerControl.SuperUser);
        _connectionStrings.TryAdd(connectionString, true);
        return connectionString;
    }

    /// <summary>
    /// Creates the cluster if the directory holds none, starts the server unless it already runs, and creates the database
    /// if it is missing.
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">With a one-line reason, e.g. no PostgreSQL installed.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(
        string dataDirectory, EmbeddedPostgresOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new EmbeddedPostgresException("the embedded PostgreSQL needs Linux; give a connection string to an external server");
        }

        options ??= EmbeddedPostgresOptions.Default;
        var layout = new ClusterLayout(dataDirectory);
        var account = await ServerAccount.ResolveAsync(cancellationToken).ConfigureAwait(false);
        CreateDataDirectory(layout, account);

        using var directoryLock = await DataDirectoryLock.AcquireAsync(layout.LockFile, options.Timeout, cancellationToken)
            .ConfigureAwait(false);
        var lease = DataDirectoryLease.Take(layout.LeaseDirectory);
        ServerControl? control = null;
        var startedServer = false;
        try
        {
            var clusterVersion = ReadClusterVersion(layout);
            var binaries = PostgresBinaries.Locate(options.BinDirectory, clusterVersion);
            control = new ServerControl(layout, binaries, account, options);

            var createdCluster = false;
            if (clusterVersion is null)
            {
                if (Directory.Exists(layout.ClusterDirectory) && Directory.EnumerateFileSystemEntries(layout.ClusterDirectory).Any())
                {
                    throw new EmbeddedPostgresException(
                        $"{layout.ClusterDirectory} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away to start afresh");
                }

                if (Directory.Exists(layout.ClusterDirectory))
                {
                    Directory.Delete(layout.ClusterDirectory);
                }

                await control.InitializeAsync(cancellationToken).ConfigureAwait(false);
                createdCluster = true;
            }

            PostmasterPidFile pidFile;
            (pidFile, startedServer) = await EnsureRunningAsync(control, account, options, cancellationToken).ConfigureAwait(false);
            var server = new EmbeddedPostgres(control, options, lease, pidFile, createdCluster, startedServer);
            await server.EnsureDatabaseAsync(options.DatabaseName, cancellationToken).ConfigureAwait(false);
            server._logger.LogInformation(
                "PostgreSQL {Action} in {DataDirectory}, socket {SocketDirectory}",
                startedServer ? (createdCluster ? "created and started" : "started") : "already running, reused",
                layout.Root,
                pidFile.SocketDirectory);
            return server;
        }
        catch
        {
            lease.Dispose();
            if (startedServer && control is not null && !DataDirectoryLease.AnyAlive(layout.LeaseDirectory))
            {
                await TryStopAfterFailureAsync(control, options).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Stops the server of a data directory that no live process uses, and deletes the directory: for throwaway clusters,
    /// such as those of a test run that was killed before it could clean up. Does nothing and returns false while any
    /// process uses the directory, or when it is not a data directory this launcher made (no DIR/wlz.lock).
    /// </summary>
    public static async Task<bool> DeleteIfUnusedAsync(string dataDirectory, EmbeddedPostgresOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= EmbeddedPostgresOptions.Default;
        var layout = new ClusterLayout(dataDirectory);

        // Only a directory this launcher made: every one holds its lock file from the first start on.
        if (!File.Exists(layout.LockFile))
        {
            return false;
        }

        using (var directoryLock = DataDirectoryLock.TryAcquire(layout.LockFile))
        {
            if (directoryLock is null || DataDirectoryLease.AnyAlive(layout.LeaseDirectory))
            {
                return false;
            }

            if (PostmasterPidFile.Probe(layout.PidFile, out _) is ServerState.Ready or ServerState.Busy)
            {
                var account = await ServerAccount.ResolveAsync(cancellationToken).ConfigureAwait(false);
                var binaries = PostgresBinaries.Locate(options.BinDirectory, ReadClusterVersion(layout));
                await new ServerControl(layout, binaries, account, options).StopAsync(immediate: true, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        Directory.Delete(layout.Root, recursive: true);
        if (layout.SocketOutsideDataDirectory && Directory.Exists(layout.SocketDirectory))
        {
            Directory.Delete(layout.SocketDirectory, recursive: true);
        }

        return true;
    }

    /// <summary>Lets go of the server, and stops it when no other live process uses it.</summary>
    public async ValueTask DisposeAsync()
    {
        var lease = Interlocked.Exchange(ref _lease, null);
        if (lease is null)
        {
            return;
        }

        var layout = _control.Layout;
        try
        {
            using var directoryLock = await DataDirectoryLock.AcquireAsync(layout.LockFile, _options.Timeout, CancellationToken.None)
                .ConfigureAwait(false);
            lease.Dispose();
            if (DataDirectoryLease.AnyAlive(layout.LeaseDirectory))
            {
                _logger.LogInformation("PostgreSQL in {DataDirectory} left running: another process still uses it", layout.Root);
                return;
            }

            if (PostmasterPidFile.Probe(layout.PidFile, out _) is ServerState.Ready or ServerState.Busy)
            {
                await _control.StopAsync(immediate: false, CancellationToken.None).ConfigureAwait(false);
                ClearPools();
                RemoveTemporarySocketDirectory(layout);
                _logger.LogInformation("PostgreSQL in {DataDirectory} stopped", layout.Root);
            }
        }
        catch (Exception e) when (e is EmbeddedPostgresException or IOException or UnauthorizedAccessException)
        {
            // Disposal must not throw; a server left running is reused and stopped by the next process.
            lease.Dispose();
            _logger.LogWarning(e, "PostgreSQL in {DataDirectory} could not be stopped", layout.Root);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public override string ToString() => $"PostgreSQL in {DataDirectory} (socket {SocketDirectory})";

    /// <summary>Stops the server this start brought up before failing, without hiding the failure behind another.</summary>
    private static async Task TryStopAfterFailureAsync(ServerControl control, EmbeddedPostgresOptions options)
    {
        try
        {
            await control.StopAsync(immediate: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EmbeddedPostgresException or IOException)
        {
            options.Logger?.LogWarning(e, "PostgreSQL in {DataDirectory} could not be stopped after a failed start", control.Layout.Root);
        }
    }

    /// <summary>A socket directory under /tmp is ours alone and empty once the server stopped: leave nothing behind.</summary>
    private static void RemoveTemporarySocketDirectory(ClusterLayout layout)
    {
        if (layout.SocketOutsideDataDirectory && Directory.Exists(layout.SocketDirectory)
            && !Directory.EnumerateFileSystemEntries(layout.SocketDirectory).Any())
        {
            Directory.Delete(layout.SocketDirectory);
        }
    }

    private void ClearPools()
    {
        foreach (var connectionString in _connectionStrings.Keys)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static void CreateDataDirectory(ClusterLayout layout, ServerAccount account)
    {
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!Directory.Exists(layout.Root))
        {
            Directory.CreateDirectory(layout.Root, ownerOnly);
        }

        // The server's user must pass through the directory to reach pg/ and run/ inside it; execute alone lets it pass
        // without listing or reading anything else here (the lock and lease files).
        if (account.RunAs is not null)
        {
            var mode = File.GetUnixFileMode(layout.Root);
            if ((mode & UnixFileMode.OtherExecute) == 0)
            {
                File.SetUnixFileMode(layout.Root, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    private static int? ReadClusterVersion(ClusterLayout layout)
    {
        if (!File.Exists(layout.VersionFile))
        {
            return null;
        }

        var text = File.ReadAllText(layout.VersionFile).Trim();

        // "15" since PostgreSQL 10; "9.6" before.
        var major = text.Split('.')[0];
        return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new EmbeddedPostgresException($"{layout.VersionFile} holds no version number: '{text}'");
    }

    /// <summary>
    /// A killed server also leaves the lock file of its Unix socket behind. The new server refuses to start while the pid in
    /// it exists, and a killed postmaster can stay a zombie for a while (nobody has reaped it yet), which still counts as
    /// existing. The socket directory is this cluster's own, so a lock file naming the stale pid is removed with its pid file.
    /// </summary>
    private static void RemoveStaleSocketLock(PostmasterPidFile stale)
    {
        if (stale.SocketDirectory.Length == 0 || stale.Port == 0)
        {
            return;
        }

        var lockFile = Path.Combine(stale.SocketDirectory, $".s.PGSQL.{stale.Port.ToString(CultureInfo.InvariantCulture)}.lock");
        try
        {
            var first = File.ReadLines(lockFile).FirstOrDefault()?.Trim();
            if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid == stale.Pid)
            {
                File.Delete(lockFile);
            }
        }
        catch (FileNotFoundException)
        {
            // PostgreSQL removed it on its way down, or it was never there.
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static async Task<(PostmasterPidFile PidFile, bool Started)> EnsureRunningAsync(
        ServerControl control, ServerAccount account, EmbeddedPostgresOptions options, CancellationToken cancellationToken)
    {
        var layout = control.Layout;
        var deadline = DateTime.UtcNow + options.Timeout;
        var started = false;
        while (true)
        {
            var state = PostmasterPidFile.Probe(layout.PidFile, out var pidFile);
            switch (state)
            {
                case ServerState.Ready:
                    if (pidFile!.SocketDirectory.Length == 0 || pidFile.Port == 0)
                    {
                        throw new EmbeddedPostgresException(
                            $"the server running in {layout.ClusterDirectory} (pid {pidFile.Pid}) listens on no Unix socket; stop it first");
                    }

                    return (pidFile, started);

                case ServerState.Stale:
                    // The server that wrote it is gone. PostgreSQL would remove the file itself, except when the pid is a
                    // zombie or was reused by another program; its shared-memory check still guards against leftover children.
                    options.Logger?.LogInformation(
                        "Removing the stale postmaster.pid of a server that is gone (pid {Pid}) in {DataDirectory}", pidFile!.Pid, layout.Root);
                    File.Delete(layout.PidFile);
                    RemoveStaleSocketLock(pidFile!);
                    break;

                case ServerState.Stopped when !started:
                    await account.EnsureReachableAsync(layout.ClusterDirectory, cancellationToken).ConfigureAwait(false);
                    await control.StartAsync(cancellationToken).ConfigureAwait(false);
                    started = true;
                    break;

                case ServerState.Stopped:
                    throw new EmbeddedPostgresException(
                        $"PostgreSQL in {layout.ClusterDirectory} stopped right after it started (see {layout.LogFile})");

                default:
                    // Busy: a server is starting or stopping in this directory, started by someone not holding our lock.
                    if (DateTime.UtcNow >= deadline)
                    {
                        throw new EmbeddedPostgresException(
                            $"the server in {layout.ClusterDirectory} is {(pidFile?.Status is { Length: > 0 } s ? s : "not running")} " +
                            $"after {options.Timeout.TotalSeconds:0} s (see {layout.LogFile})");
                    }

                    await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task EnsureDatabaseAsync(string databaseName, CancellationToken cancellationToken)
    {
        // The maintenance database, without pooling: no idle connection stays behind, which CREATE DATABASE … TEMPLATE and
        // DROP DATABASE of callers would trip over.
        var builder = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = databaseName });
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return;
            }
        }

        try
        {
            await using var create = new NpgsqlCommand("CREATE DATABASE " + SqlIdentifier.Quote(databaseName), connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created meanwhile by someone not holding our lock (a foreign server): fine.
        }
    }
}
