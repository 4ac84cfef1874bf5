using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Migrations;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Ingestion.Worker;

/// <summary>How <c>wlz run</c> was started: once or continuously, and which database.</summary>
/// <param name="Once">Process what the inbox holds, then stop.</param>
/// <summary>How this run of the worker goes: once through the inbox or until stopped, and how it opens its store.</summary>
public sealed record WorkerRunOptions(bool Once, StoreOpener OpenStore);

/// <summary>What a run of the worker came to, for the exit code.</summary>
public sealed class WorkerResult
{
    private int _answered;
    private int _failed;

    public int Answered => _answered;

    /// <summary>Files set aside because they could not be processed, or (with --once) left for a file system problem.</summary>
    public int Failed => _failed;

    /// <summary>Why the worker gave up, when it did (a schema it cannot use, a mailbox it cannot create).</summary>
    public string? Fatal { get; internal set; }

    internal void CountAnswered() => Interlocked.Increment(ref _answered);

    internal void CountFailed() => Interlocked.Increment(ref _failed);
}

/// <summary>
/// The mailbox worker of <c>wlz run</c>: takes the complete files of the inbox (those there at start, then new ones as a
/// file system watcher reports them, with a periodic rescan as the safety net), processes each with
/// <see cref="FileProcessor"/>, and keeps going through a database that goes away and comes back.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Database down, at start or in the middle: the files in hand are rolled back and stay in the inbox; the worker
/// retries with exponential backoff (1 s doubling up to <see cref="WorkerSettings.MaxRetryDelay"/>) and logs once when the
/// database goes away and once when it is back.</item>
/// <item>SIGTERM: no new file is taken; each file in hand (up to <see cref="WorkerSettings.FilesAtOnce"/>) may finish
/// within <see cref="WorkerSettings.StopGrace"/>, after which its transaction is rolled back (it stays in the inbox). Never
/// half stored: one transaction per file.</item>
/// <item>A file the store refuses (a bug, or a line the stand-in answers approve that the schema does not allow) is moved to
/// quarantine with the error as its reason, instead of being retried for ever.</item>
/// <item>Logs are structured and name files, ids and counts: never a BSN, name or birth date.</item>
/// </list>
/// </remarks>
public sealed class MailboxWorker(
    WorkerSettings settings,
    WorkerRunOptions run,
    IFileAnswering answering,
    WorkerResult result,
    IHostApplicationLifetime lifetime,
    WorkerActivity activity,
    WlzMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>An entry that failed for a file system reason this many times in a row is quarantined instead of tried again.</summary>
    internal const int MaxAttempts = 5;

    /// <summary>While the database is down, a reminder that it still is, at most this often.</summary>
    internal static readonly TimeSpan OutageReminder = TimeSpan.FromMinutes(5);

    private readonly ILogger _logger = loggers.CreateLogger<MailboxWorker>();
    private readonly string _workerId = activity.WorkerId;
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _givenUp = new(StringComparer.Ordinal);
    private bool? _databaseUp;
    private DateTimeOffset _downSince;
    private DateTimeOffset _remindedAt;
    private readonly Lock _databaseStateLock = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stopping = stoppingToken.Register(activity.Stopping).ConfigureAwait(false);
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The worker's last line: whatever ends it is logged and stops the host with exit 1.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result.Fatal = e.Message;
            _logger.LogCritical(e, "The worker stopped: {Reason}", e.Message);
        }
        finally
        {
            if (run.Once || result.Fatal is not null)
            {
                lifetime.StopApplication();
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        foreach (var directory in new[] { settings.Inbox, settings.Outbox, settings.Archive, settings.Quarantine })
        {
            Directory.CreateDirectory(directory);
        }

        using var wake = new SemaphoreSlim(0);
        using var watcher = Watch(wake);
        var scanner = new InboxScanner(settings.Inbox, settings.StableFor, time);
        var leftAlone = new HashSet<string>(StringComparer.Ordinal);
        using var snapshots = new ReferenceSnapshotCache();
        _logger.LogInformation(
            "Worker {WorkerId} watching {Inbox} (outbox {Outbox}, archive {Archive}, quarantine {Quarantine}){Mode}",
            _workerId, settings.Inbox, settings.Outbox, settings.Archive, settings.Quarantine, run.Once ? ", once" : "");

        Connected? db = null;
        var attempt = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (db is null)
                {
                    try
                    {
                        db = await ConnectAsync(snapshots, stoppingToken).ConfigureAwait(false);
                        attempt = 0;
                        DatabaseState(up: true, db.Store.Endpoint.Description);
                    }
                    catch (Exception e) when (Failures.Classify(e) == FailureKind.DatabaseDown && !stoppingToken.IsCancellationRequested)
                    {
                        DatabaseState(up: false, OneLine(e.Message));
                        await Task.Delay(NextDelay(ref attempt), time, stoppingToken).ConfigureAwait(false);
                        continue;
                    }
                }

                // With --once a file another worker holds is left to it; running on, it is looked at again after a poll. An entry
                // that could be neither processed nor quarantined is not looked at again by this worker (it said why, once).
                var ready = scanner.ScanEntries().Where(e => !IsGivenUp(e.Path) && (!run.Once || !leftAlone.Contains(e.Path))).ToList();
                var waiting = ready.Count + scanner.Waiting;
                activity.InboxDepth(waiting);
                var progressed = false;

                // Up to Worker:FilesAtOnce files in hand at once, each on its own connection: one file's COPY runs in the server
                // while the next is read and adjudicated. Files of one provider start their second halves in inbox order
                // (ProviderTurns). The results are settled here, on this loop, as the files finish; when the database goes, no
                // new file is taken and those in hand are waited for (each rolls back on its own) before it is let go.
                var databaseDown = false;
                var turns = new ProviderTurns();
                var inHand = new List<(InboxEntry Entry, Task<EntryResult> Work)>();

                async Task SettleOneAsync()
                {
                    var finished = await Task.WhenAny(inHand.Select(f => f.Work)).ConfigureAwait(false);
                    var at = inHand.FindIndex(f => f.Work == finished);
                    var entry = inHand[at].Entry;
                    inHand.RemoveAt(at);
                    var (handled, problem) = await finished.ConfigureAwait(false);
                    if (handled == Handled.DatabaseDown)
                    {
                        databaseDown = true;
                        return;
                    }

                    if (handled == Handled.Failed)
                    {
                        handled = await FailedAsync(entry, problem).ConfigureAwait(false);
                    }

                    if (handled is Handled.LeftAlone)
                    {
                        leftAlone.Add(entry.Path);
                    }
                    else if (handled is Handled.Done)
                    {
                        _attempts.Remove(entry.Path);
                        progressed = true;
                        activity.InboxDepth(--waiting);
                    }
                }

                foreach (var entry in ready)
                {
                    while (inHand.Count >= settings.FilesAtOnce && !databaseDown)
                    {
                        await SettleOneAsync().ConfigureAwait(false);
                    }

                    if (databaseDown || stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }

                    inHand.Add((entry, HandleEntryAsync(db, turns.Take(), entry, stoppingToken)));
                }

                while (inHand.Count > 0)
                {
                    await SettleOneAsync().ConfigureAwait(false);
                }

                if (databaseDown)
                {
                    await DisposeQuietlyAsync(db).ConfigureAwait(false);
                    db = null;
                }

                if (db is null || stoppingToken.IsCancellationRequested)
                {
                    continue;
                }

                activity.PassDone();
                if (!await HeartbeatAsync(db, stoppingToken).ConfigureAwait(false))
                {
                    await DisposeQuietlyAsync(db).ConfigureAwait(false);
                    db = null;
                    continue;
                }

                if (run.Once && scanner.Waiting == 0 && ready.Count == 0)
                {
                    _logger.LogInformation("Inbox done ({Answered} answered, {Failed} set aside or left); stopping", result.Answered, result.Failed);
                    break;
                }

                // Files done: look again at once (more may have come). Otherwise wait for the watcher, the next poll, or (when a
                // file is still being written) the moment it may have become still.
                if (!progressed)
                {
                    var wait = scanner.Waiting > 0 ? TimeSpan.FromTicks(Math.Min(settings.PollInterval.Ticks, TimeSpan.FromMilliseconds(500).Ticks)) : settings.PollInterval;
                    await WaitAsync(wake, wait, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (db is not null)
            {
                activity.Stopped();
                await HeartbeatAsync(db, CancellationToken.None).ConfigureAwait(false);
                await DisposeQuietlyAsync(db).ConfigureAwait(false);
            }

            _logger.LogInformation("Worker {WorkerId} stopped", _workerId);
        }
    }

    private enum Handled
    {
        Done,
        LeftAlone,
        DatabaseDown,

        /// <summary>A file system problem (in <see cref="EntryResult.Problem"/>): tried again at the next pass, up to <see cref="MaxAttempts"/>.</summary>
        Failed,

        /// <summary>Failed, and to be tried again at the next pass.</summary>
        Later,
    }

    /// <summary>How an entry ended, with the file system problem when it <see cref="Handled.Failed"/>.</summary>
    private readonly record struct EntryResult(Handled Kind, string? Problem = null)
    {
        public static implicit operator EntryResult(Handled kind) => new(kind);
    }

    /// <summary>
    /// One entry of the inbox to its end: a file processed; a link's bytes copied in its place, then processed; a name that
    /// is not UTF-8 renamed (the next pass processes it); anything else quarantined with what it is as the reason.
    /// </summary>
    private async Task<EntryResult> HandleEntryAsync(Connected db, ProviderTurns.Turn turn, InboxEntry entry, CancellationToken stoppingToken)
    {
        using var _ = turn;
        try
        {
            switch (entry.Kind)
            {
                case InboxEntryKind.UndecodableName:
                    RenameUndecodable(entry);
                    return Handled.Done;
                case InboxEntryKind.NotAFile:
                    await QuarantineEntryAsync(entry.Path, $"{LogText.Escape(entry.Name)} is {entry.Problem}; the inbox takes files only").ConfigureAwait(false);
                    return Handled.Done;
                case InboxEntryKind.Link:
                    await FollowLinkAsync(entry, stoppingToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new EntryResult(Handled.Failed, OneLine(e.Message));
        }

        return await HandleAsync(db, turn, entry.Path, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A symbolic link to a file is followed once: the target's bytes are copied (synced) to a hidden name in the inbox,
    /// which then replaces the link (a rename replaces the link itself, never its target). What is answered and archived
    /// are those bytes, however the target changes afterwards. The copy keeps the link's time: the day it arrived.
    /// </summary>
    private async Task FollowLinkAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var arrived = EntryStatus.Of(entry.Path)?.ModifiedUtc ?? entry.ModifiedUtc;
        var copy = Path.Combine(settings.Inbox, "." + MailboxNames.Fit(entry.Name, ".link.tmp", MailboxNames.NameMax - 1));
        await DurableFiles.CopySyncedAsync(entry.Path, copy, cancellationToken).ConfigureAwait(false);
        File.SetLastWriteTimeUtc(copy, arrived);
        DurableFiles.MoveEntrySynced(copy, entry.Path);
        _logger.LogInformation("{File} is a symbolic link: its target's bytes are processed and archived in its place", LogText.Escape(entry.Name));
    }

    /// <summary>
    /// A name that is not UTF-8 cannot be opened through .NET: it is renamed, in the inbox, to the same name with each byte
    /// that is not UTF-8 written as <c>%XX</c> (cut to fit, a hash added when that name is taken), and processed as such.
    /// </summary>
    private void RenameUndecodable(InboxEntry entry)
    {
        var raw = entry.RawName!;
        var name = Utf8NameOf(raw);
        var extension = Path.GetExtension(name).Length is > 0 and <= 16 ? Path.GetExtension(name) : "";
        var renamed = MailboxNames.Fit(name[..^extension.Length], extension, MailboxNames.QuarantineMax);
        if (Path.Exists(Path.Combine(settings.Inbox, renamed)))
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw))[..8];
            renamed = MailboxNames.Fit(name[..^extension.Length], $"~{hash}{extension}", MailboxNames.QuarantineMax);
        }

        EntryStatus.RenameRaw(settings.Inbox, raw, renamed);
        _logger.LogWarning("{File} has a name that is not UTF-8; renamed to {Renamed} and processed under that name", LogText.Escape(raw), LogText.Escape(renamed));
    }

    private static string Utf8NameOf(ReadOnlySpan<byte> raw)
    {
        var name = new System.Text.StringBuilder();
        while (!raw.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(raw, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                name.Append(rune.ToString());
            }
            else
            {
                consumed = Math.Max(1, consumed);
                foreach (var b in raw[..consumed])
                {
                    name.Append(System.Globalization.CultureInfo.InvariantCulture, $"%{b:X2}");
                }
            }

            raw = raw[consumed..];
        }

        return name.ToString();
    }

    /// <summary>
    /// An entry that failed for a file system reason: with --once it is left (and counted); running on, it is tried again at
    /// the next pass, and after <see cref="MaxAttempts"/> failures in a row it is quarantined with the last reason.
    /// </summary>
    private async Task<Handled> FailedAsync(InboxEntry entry, string? problem)
    {
        // A file that failed in hand is no longer in hand: the worker's row says so until it is tried again.
        activity.Released(entry.Name);
        var name = LogText.Escape(entry.Name);
        var attempts = _attempts[entry.Path] = _attempts.GetValueOrDefault(entry.Path) + 1;
        if (attempts < MaxAttempts && !run.Once)
        {
            _logger.LogWarning("Could not process {File} now: {Reason}; it stays in the inbox and is tried again ({Attempt} of {Max})", name, LogText.Escape(problem), attempts, MaxAttempts);
            return Handled.Later;
        }

        if (run.Once && attempts < MaxAttempts)
        {
            _logger.LogWarning("Could not process {File} now: {Reason}; it stays in the inbox", name, LogText.Escape(problem));
            result.CountFailed();
            return Handled.LeftAlone;
        }

        result.CountFailed();
        _attempts.Remove(entry.Path);
        try
        {
            await QuarantineEntryAsync(entry.Path, $"{name} could not be processed {attempts} times in a row: {LogText.Escape(problem)}").ConfigureAwait(false);
            return Handled.Done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            GiveUp(entry.Path);
            _logger.LogError("{File} could not be moved to quarantine either ({Reason}); this worker leaves it alone until restarted", name, LogText.Escape(OneLine(e.Message)));
            return Handled.LeftAlone;
        }
    }

    /// <summary>An entry that is no file to process goes to quarantine with <paramref name="reason"/> (its name escaped, never its contents).</summary>
    private async Task QuarantineEntryAsync(string path, string reason)
    {
        _logger.LogWarning("Moved to quarantine: {Reason}", reason);
        await MailboxFiles.QuarantineAsync(path, settings.Quarantine, reason, CancellationToken.None).ConfigureAwait(false);
        activity.SetAside(Path.GetFileName(path));
    }

    /// <summary>
    /// One file, start to end: its first pass, then its <paramref name="turn"/> among the files in hand (those of its provider
    /// taken before it finish first), then its second half; never throws for the file's sake.
    /// </summary>
    private async Task<EntryResult> HandleAsync(Connected db, ProviderTurns.Turn turn, string path, CancellationToken stoppingToken)
    {
        var name = Path.GetFileName(path);
        if (JobFor(path) is not { } job)
        {
            return Handled.Done;
        }

        // SIGTERM leaves the file in hand StopGrace to finish; then its transaction is rolled back.
        using var fileCancellation = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => fileCancellation.CancelAfter(settings.StopGrace)).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A first pass stops at once on SIGTERM (it stored nothing); the second half gets StopGrace. A retry reads the
                // file again (earlier files of its provider are done by then).
                FileOutcome outcome;
                if (attempt == 1)
                {
                    var read = await db.Processor.ReadAsync(job, stoppingToken).ConfigureAwait(false);
                    await turn.WaitAsync(read.ProviderAgb, stoppingToken).ConfigureAwait(false);

                    // In hand from here, its second half: a file read ahead and waiting for its turn is still untouched in the
                    // inbox (nothing locked, nothing stored), and counts as waiting.
                    activity.Processing(name);
                    if (!await HeartbeatAsync(db, stoppingToken).ConfigureAwait(false))
                    {
                        return Handled.DatabaseDown;
                    }

                    outcome = await db.Processor.CompleteAsync(read, fileCancellation.Token).ConfigureAwait(false);
                }
                else
                {
                    outcome = await db.Processor.ProcessAsync(job, fileCancellation.Token).ConfigureAwait(false);
                }

                if (outcome.Kind == FileOutcomeKind.Busy)
                {
                    activity.Finished(name, outcome.Kind);
                    _logger.LogDebug("{File} is in the hands of another worker", LogText.Escape(name));
                    return Handled.LeftAlone;
                }

                if (outcome.Kind == FileOutcomeKind.Gone && EntryStatus.Of(path) is not null)
                {
                    // Still there, yet it could not be opened: never taken again and again in one breath.
                    return new EntryResult(Handled.Failed, "it is there but could not be opened");
                }

                if (outcome.Answered)
                {
                    result.CountAnswered();
                }

                Measure(outcome, job);

                activity.Finished(name, outcome.Kind);
                await HeartbeatAsync(db, CancellationToken.None).ConfigureAwait(false);
                return Handled.Done;
            }
            catch (OperationCanceledException) when (fileCancellation.IsCancellationRequested || stoppingToken.IsCancellationRequested)
            {
                // A first pass stops at once (it has nothing to roll back); a second half after StopGrace.
                activity.Released(name);
                _logger.LogWarning("Stopped while {File} was in hand: its transaction is rolled back and it stays in the inbox", LogText.Escape(name));
                return Handled.LeftAlone;
            }
#pragma warning disable CA1031 // Every failure of one file is sorted here; none may end the worker.
            catch (Exception e)
#pragma warning restore CA1031
            {
                switch (Failures.Classify(e))
                {
                    case FailureKind.Retry when attempt < 3:
                        _logger.LogInformation("{File} met a concurrent writer of the same content or invoice; processing it again", LogText.Escape(name));
                        continue;
                    case FailureKind.DatabaseDown:
                        DatabaseState(up: false, OneLine(e.Message));
                        return Handled.DatabaseDown;
                    case FailureKind.FileSystem:
                        return new EntryResult(Handled.Failed, OneLine(e.Message));
                    default:
                        await SetAsideAsync(path, name, e).ConfigureAwait(false);
                        activity.SetAside(name);
                        return Handled.Done;
                }
            }
        }
    }

    /// <summary>The job of an inbox file as it is now; null when it is gone.</summary>
    private FileJob? JobFor(string path)
    {
        try
        {
            var modified = File.GetLastWriteTimeUtc(path);
            return File.Exists(path) ? MailboxJob.For(path, modified, settings, time) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The file in the <c>WlzMessaging</c> meter: once per file, never per line.</summary>
    private void Measure(Processing.FileOutcome outcome, FileJob job)
    {
        var kind = outcome.Kind;
        if (kind is FileOutcomeKind.Busy or FileOutcomeKind.Gone)
        {
            return;
        }

        // Receipt to AW320 for an answer written now; an answer given again was written (and measured) before.
        var written = kind is FileOutcomeKind.Processed or FileOutcomeKind.Rejected ? job.AnswerDate : (DateOnly?)null;
        metrics.RecordFile(kind, outcome.Timings.Total, job.Received, written);
        if (outcome.LineOutcomes is { } lines)
        {
            metrics.RecordLines(lines);
        }
    }

    /// <summary>A file that cannot be processed as it is goes to quarantine with the error as its reason.</summary>
    private async Task SetAsideAsync(string path, string name, Exception e)
    {
        result.CountFailed();
        var reason = $"could not be processed: {e.GetType().Name}: {LogText.Escape(OneLine(e.Message))}";
        _logger.LogError("{File} could not be processed and is moved to quarantine: {Reason}", LogText.Escape(name), reason);
        try
        {
            await MailboxFiles.QuarantineAsync(path, settings.Quarantine, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException io)
        {
            GiveUp(path);
            _logger.LogError("{File} could not be moved to quarantine either ({Reason}); this worker leaves it alone until restarted", LogText.Escape(name), LogText.Escape(OneLine(io.Message)));
        }
    }

    private async Task<Connected> ConnectAsync(ReferenceSnapshotCache snapshots, CancellationToken cancellationToken)
    {
        Store? store = null;
        try
        {
            store = await run.OpenStore(cancellationToken)
                .ConfigureAwait(false);
            var processor = new FileProcessor(
                store,
                new ProcessingSettings { Uzovi = settings.Uzovi, ProcessedBy = _workerId },
                answering,
                snapshots,
                loggers.CreateLogger<FileProcessor>());
            var workers = store.WorkerStatuses();
            await workers.WriteAsync(activity.Current(), cancellationToken).ConfigureAwait(false);
            return new Connected(store, processor, workers);
        }
        catch (MigrationException)
        {
            // Not the database being away: a schema this build cannot use. Retrying will not help.
            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
        catch
        {
            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Writes this worker's row in worker_status as <see cref="WorkerActivity"/> has it now: before a file is taken and after.</summary>
    private async Task<bool> HeartbeatAsync(Connected db, CancellationToken cancellationToken)
    {
        var status = activity.Current();
        try
        {
            await db.Workers.WriteAsync(status, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (Failures.Classify(e) == FailureKind.DatabaseDown && !cancellationToken.IsCancellationRequested)
        {
            DatabaseState(up: false, OneLine(e.Message));
            return false;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested || status.State == WorkerState.Stopped)
        {
            _logger.LogDebug(e, "No heartbeat");
            return false;
        }
    }

    /// <summary>
    /// Logs the database's state once per change, never per attempt: one line when it goes away, one when it is back (the
    /// first connection is "available", not "available again"), and in between a reminder at most every
    /// <see cref="OutageReminder"/>; each attempt itself is a debug line.
    /// </summary>
    private void DatabaseState(bool up, string detail)
    {
        // Files in hand meet the database's going and coming on their own tasks.
        lock (_databaseStateLock)
        {
            var now = time.GetUtcNow();
            if (_databaseUp == up)
            {
                if (!up && now - _remindedAt >= OutageReminder)
                {
                    _remindedAt = now;
                    _logger.LogWarning(
                        "Database still unavailable, for {Minutes:F0} min now: {Reason}. The inbox waits", (now - _downSince).TotalMinutes, LogText.Escape(detail));
                }
                else
                {
                    _logger.LogDebug("Database still {State}: {Detail}", up ? "available" : "unavailable", LogText.Escape(detail));
                }

                return;
            }

            var before = _databaseUp;
            _databaseUp = up;
            if (up)
            {
                if (before is null)
                {
                    _logger.LogInformation("Database available: {Database}", detail);
                }
                else
                {
                    _logger.LogInformation("Database available again after {Seconds:F0} s: {Database}; carrying on", (now - _downSince).TotalSeconds, detail);
                }
            }
            else
            {
                (_downSince, _remindedAt) = (now, now);
                _logger.LogWarning(
                    "Database unavailable: {Reason}. The inbox is left untouched; retrying with backoff up to every {MaxDelay} s",
                    LogText.Escape(detail), settings.MaxRetryDelay.TotalSeconds);
            }
        }
    }

    // Files in hand are set aside on their own tasks: the set is shared with the loop.
    private bool IsGivenUp(string path)
    {
        lock (_givenUp)
        {
            return _givenUp.Contains(path);
        }
    }

    private void GiveUp(string path)
    {
        lock (_givenUp)
        {
            _givenUp.Add(path);
        }
    }

    private TimeSpan NextDelay(ref int attempt)
    {
        attempt = Math.Min(attempt + 1, 30);
        var seconds = Math.Min(settings.MaxRetryDelay.TotalSeconds, Math.Pow(2, attempt - 1));
        return TimeSpan.FromSeconds(seconds);
    }

    private FileSystemWatcher? Watch(SemaphoreSlim wake)
    {
        try
        {
            var watcher = new FileSystemWatcher(settings.Inbox)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                IncludeSubdirectories = false,
            };
            void Wake(object sender, FileSystemEventArgs e)
            {
                if (wake.CurrentCount == 0)
                {
                    wake.Release();
                }
            }

            watcher.Created += Wake;
            watcher.Changed += Wake;
            watcher.Renamed += (sender, e) => Wake(sender, e);
            watcher.Error += (_, e) => _logger.LogWarning("The inbox watcher failed ({Reason}); the periodic rescan carries on", e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            _logger.LogWarning("No file system watcher on the inbox ({Reason}); rescanning every {Seconds} s", e.Message, settings.PollInterval.TotalSeconds);
            return null;
        }
    }

    private async Task WaitAsync(SemaphoreSlim wake, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await wake.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            // Let a burst of events (a file being written) settle into one rescan.
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DisposeQuietlyAsync(Connected db)
    {
        try
        {
            await db.Store.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Letting go of a database that is gone may fail in many ways; none matters any more.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogDebug(e, "Closing the database");
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed record Connected(Store Store, FileProcessor Processor, WorkerStatusStore Workers);
}
