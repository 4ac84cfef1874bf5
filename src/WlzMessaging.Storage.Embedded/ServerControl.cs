using System.Globalization;
using System.Text;

namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// Creates, starts and stops one cluster with the machine's initdb and pg_ctl, as the server's user. It holds no state
/// about whether the server runs: <see cref="PostmasterPidFile"/> answers that, and <see cref="EmbeddedPostgres"/> decides.
/// </summary>
internal sealed class ServerControl(ClusterLayout layout, PostgresBinaries binaries, ServerAccount account, EmbeddedPostgresOptions options)
{
    /// <summary>The superuser initdb creates; every connection logs in as it.</summary>
    public const string SuperUser = "wlz";

    private const int StartAttempts = 3;

    public ClusterLayout Layout => layout;

    /// <summary>Makes the cluster in DIR/pg.init and renames it to DIR/pg once initdb succeeded.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var pending = layout.PendingClusterDirectory;
        if (Directory.Exists(pending))
        {
            // Left by an initdb that was killed: never used, safe to throw away (we hold the data directory's lock).
            Directory.Delete(pending, recursive: true);
        }

        Directory.CreateDirectory(pending, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await account.GiveAsync(pending, cancellationToken).ConfigureAwait(false);
        await account.EnsureReachableAsync(pending, cancellationToken).ConfigureAwait(false);

        // Local (socket) logins are trusted: the socket directory is closed to other users. TCP is refused even if someone
        // later turns listen_addresses on. C locale: sorting by bytes, no dependency on the machine's locales.
        List<string> arguments =
        [
            "-D", pending, "-U", SuperUser, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8", "--locale=C",
        ];
        if (!options.Durable)
        {
            arguments.Add("--no-sync");
        }

        var result = await ExternalCommand.RunAsync(
                account.Command(binaries.Initdb, arguments, layout.Root), options.Timeout, cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException($"initdb failed for {layout.ClusterDirectory}: {result.LastLine}");
        }

        Directory.Move(pending, layout.ClusterDirectory);
    }

    /// <summary>Starts the server on the Unix socket only and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareSocketDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(layout.LogFile))
        {
            await File.WriteAllBytesAsync(layout.LogFile, [], cancellationToken).ConfigureAwait(false);
            await account.GiveAsync(layout.LogFile, cancellationToken).ConfigureAwait(false);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(options.Timeout.TotalSeconds));
        List<string> arguments =
        [
            "start", "-D", layout.ClusterDirectory, "-l", layout.LogFile, "-w", "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-o", ServerArguments(),
        ];

        for (var attempt = 1; ; attempt++)
        {
            var logOffset = new FileInfo(layout.LogFile).Length;
            var result = await ExternalCommand.RunAsync(
                    account.Command(binaries.PgCtl, arguments, layout.Root), options.Timeout + TimeSpan.FromSeconds(5), cancellationToken)
                .ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }

            // Right after a crash the old server's children may still hold its shared memory for a moment; the new server
            // refuses to start until they are gone, so a failed start is tried again briefly.
            if (attempt < StartAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new EmbeddedPostgresException(
                $"PostgreSQL did not start in {layout.ClusterDirectory} (see {layout.LogFile}): {result.LastLine}" +
                LogTail(logOffset));
        }
    }

    /// <summary>Stops the server: "fast" rolls back open transactions and disconnects clients; "immediate" does not even
    /// write a checkpoint (the next start recovers from the WAL), for throwaway clusters only.</summary>
    public async Task StopAsync(bool immediate, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(options.Timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var result = await ExternalCommand.RunAsync(
                account.Command(
                    binaries.PgCtl,
                    ["stop", "-D", layout.ClusterDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", seconds],
                    layout.Root),
                options.Timeout + TimeSpan.FromSeconds(5),
                cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded && PostmasterPidFile.Probe(layout.PidFile, out _) is ServerState.Ready or ServerState.Busy)
        {
            throw new EmbeddedPostgresException($"PostgreSQL in {layout.ClusterDirectory} did not stop: {result.LastLine}");
        }
    }

    /// <summary>
    /// The postgres command line pg_ctl passes on. pg_ctl runs it through /bin/sh, so every value is single-quoted for that
    /// shell; <c>listen_addresses=''</c> reaches the server as an empty list: no TCP at all.
    /// </summary>
    internal string ServerArguments()
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("listen_addresses", ""),
            new("port", ClusterLayout.Port.ToString(CultureInfo.InvariantCulture)),
            new("unix_socket_permissions", "0700"),

            // The server log must not hold personal data: "terse" drops the DETAIL lines, which quote the key values of a
            // violated constraint (a BSN among them) and the data of a failing COPY row.
            new("log_error_verbosity", "terse"),
        };
        if (!options.Durable)
        {
            settings.Add(new("fsync", "off"));
            settings.Add(new("synchronous_commit", "off"));
            settings.Add(new("full_page_writes", "off"));
        }

        settings.AddRange(options.ServerSettings);

        var text = new StringBuilder();
        text.Append("-k ").Append(ShellQuote(layout.SocketDirectory));
        foreach (var (name, value) in settings)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            {
                throw new EmbeddedPostgresException($"not a server setting name: '{name}'");
            }

            text.Append(" -c ").Append(ShellQuote(name + "=" + value));
        }

        return text.ToString();
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private async Task PrepareSocketDirectoryAsync(CancellationToken cancellationToken)
    {
        var directory = layout.SocketDirectory;
        var info = new DirectoryInfo(directory);
        if (info.Exists && info.LinkTarget is not null)
        {
            // Someone else's symbolic link in /tmp must not redirect our socket.
            throw new EmbeddedPostgresException($"the socket directory {directory} is a symbolic link; remove it");
        }

        if (!info.Exists)
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await account.GiveAsync(directory, cancellationToken).ConfigureAwait(false);
        }

        await account.EnsureReachableAsync(directory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last lines the server logged since <paramref name="offset"/>: why it did not start.</summary>
    private string LogTail(long offset)
    {
        try
        {
            using var stream = new FileStream(layout.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.Length == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, lines.TakeLast(5));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
