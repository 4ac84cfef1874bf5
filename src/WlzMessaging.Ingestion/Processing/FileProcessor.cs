using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Files;
using WlzMessaging.Storage.Lines;
using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// Turns one input file into its AW320 and its stored lines: the engine's main job, shared by <c>wlz process</c> and the
/// mailbox worker. One instance per process (it holds no state of a file between calls); files may be processed by
/// several instances, in several processes, against one database.
/// </summary>
/// <remarks>
/// <para>The steps (specs/ingestion.md has them with every crash point):</para>
/// <list type="number">
/// <item>First pass (<see cref="ReadAsync"/>: nothing stored, nothing locked, so the worker runs it while other files are
/// stored, in the order <see cref="ProviderTurns"/> keeps): the structure and the SHA-256 of the input, with the answer session's
/// first-pass handlers riding along (one read of the file for all three); beside it, the reference snapshot made sure of.
/// The steps below are <see cref="CompleteAsync"/>.</item>
/// <item>Take the file's advisory lock (<see cref="FileUnitOfWork.TryBeginAsync"/>: the store's side of the file, one
/// connection and its one transaction, is a <see cref="FileUnitOfWork"/>): a worker that finds it taken leaves the file to
/// the one that has it.</item>
/// <item>Content stored before: answer with that file's AW320 again, store nothing.</item>
/// <item>Not a Vektis AW319: record it as quarantined (with the reason), move it to quarantine, done.</item>
/// <item>A sound production file whose provider and invoice number were processed before: rejected with 0001 0030.</item>
/// <item>One transaction: the file's row (claimed), then the provider's writer lock
/// (<see cref="FileUnitOfWork.LockProviderAsync"/>, held to the commit: the history read and the lines committed are one
/// step per provider), then the second pass, which writes the AW320 to a hidden temporary name in the outbox while every
/// 04's outcome streams into a binary COPY; then the row's outcome and the aw320 row; commit.</item>
/// <item>After the commit: keep a copy of the AW320 (archive, hard link), rename it into the outbox, move the input to the
/// archive. After a large file, its memory is given back (<see cref="ProcessingSettings.ReturnMemoryFromLines"/>).</item>
/// </list>
/// <para>
/// Crash safety follows from the order. Before the commit nothing is stored (PostgreSQL rolls back a transaction whose
/// connection died) and the input is still in the inbox: processing it again does everything again, overwriting the
/// temporary AW320. After the commit the content is known: processing the input again finds it by hash and only finishes
/// the steps after the commit, from the synced temporary AW320, the kept copy, or the copy in the aw320 row. A line is
/// never stored twice: vektis_file.sha256 is unique and lines are written only in the transaction that inserted their file.
/// </para>
/// </remarks>
public sealed class FileProcessor(
    Store store,
    ProcessingSettings settings,
    IFileAnswering answering,
    ReferenceSnapshotCache reference,
    ILogger logger)
{
    /// <summary>One file, start to end: <see cref="ReadAsync"/> and <see cref="CompleteAsync"/> one after the other.</summary>
    public async Task<FileOutcome> ProcessAsync(FileJob job, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(job, cancellationToken).ConfigureAwait(false);
        return await CompleteAsync(read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of a file: its first pass (structure, SHA-256, the answers' first-pass handlers) with the reference
    /// snapshot made sure of beside it. It stores nothing, takes no lock and moves no file, so it may run while the file
    /// before it is still being stored (the worker does, with up to Worker:FilesAtOnce files in hand); whatever depends on the store (the
    /// file's lock, its content seen before, the provider's history) is read in <see cref="CompleteAsync"/>.
    /// </summary>
    public async Task<FirstPassResult> ReadAsync(FileJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var started = Stopwatch.GetTimestamp();
        var timings = new FileTimings();

        // The snapshot, when the answers use it, is read and (re)built beside the first pass, which does not need it: the
        // server sends the tables and a second core builds them while this one reads the file. Cached, it costs one small
        // query. Awaited before anything else, so a failure to read it is this file's failure, never an unobserved one.
        var snapshot = answering.UsesReference ? TimedReferenceAsync(timings, cancellationToken) : Task.CompletedTask;

        // First pass: the structure, the SHA-256 of the bytes read, and whatever the answers need to see of the whole file
        // first. Hashing on the way saves a read of the file; a content seen before has cost one pass more than needed.
        var session = answering.Begin(new FileAnswerContext(job.FileName, job.Received));
        var readerOptions = new VektisReaderOptions { ReceivedDate = job.Received, ExpectedUzovi = settings.Uzovi };
        VektisReadResult structure;
        byte[] sha256;
        long size;
        try
        {
            var input = new HashingReadStream(OpenInput(job));
            await using (input.ConfigureAwait(false))
            {
                structure = await VektisReader.ReadAsync(input, new CompositeRecordHandler(session.FirstPassHandlers), readerOptions, cancellationToken)
                    .ConfigureAwait(false);
                sha256 = await input.FinishAsync(cancellationToken).ConfigureAwait(false);
                size = input.BytesRead;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            await ObserveAsync(snapshot).ConfigureAwait(false);
            return new FirstPassResult(job, new FileOutcome(FileOutcomeKind.Gone, job.FileName));
        }
        catch
        {
            await ObserveAsync(snapshot).ConfigureAwait(false);
            throw;
        }

        timings.FirstPass = Stopwatch.GetElapsedTime(started);
        await snapshot.ConfigureAwait(false);
        timings.ReferenceWait = Stopwatch.GetElapsedTime(started) - timings.FirstPass;
        return new FirstPassResult(job, new FirstPassState(job, session, readerOptions, structure, sha256, size, timings, started, Stopwatch.GetTimestamp()));
    }

    /// <summary>
    /// The second half of a file read by <see cref="ReadAsync"/>: its lock, then (unless its content was stored before) the
    /// provider's history, the second pass with the COPY of its lines, the commit, and the AW320 published. Takes the
    /// first pass's state out of <paramref name="read"/>: a result is completed once.
    /// </summary>
    public async Task<FileOutcome> CompleteAsync(FirstPassResult read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Outcome is { } early)
        {
            return early;
        }

        // The file's state (its session with the prepass and the adjudicator) lives in CompleteFileAsync's frame (taken out
        // of the result, which keeps nothing). This continuation may run inline, inside that frame's last step, before the
        // runtime lets go of its locals; after a yield it runs on its own, and the file's memory can be given back.
        var outcome = await CompleteFileAsync(read.Take(), cancellationToken).ConfigureAwait(false);
        if (outcome.Lines >= settings.ReturnMemoryFromLines)
        {
            await Task.Yield();
            ReturnMemory();
        }

        return outcome;
    }

    private async Task<FileOutcome> CompleteFileAsync(FirstPassState read, CancellationToken cancellationToken)
    {
        var (job, session, readerOptions, structure, sha256, size, timings, started, ready) = read;
        timings.Queued = Stopwatch.GetElapsedTime(ready);
        var work = await FileUnitOfWork.TryBeginAsync(store, sha256, logger, cancellationToken).ConfigureAwait(false);
        if (work is null)
        {
            return new FileOutcome(FileOutcomeKind.Busy, job.FileName);
        }

        // Disposing rolls back a transaction that did not commit, then gives the answer name's and the file's locks back.
        await using (work.ConfigureAwait(false))
        {
            // The answer's name is chosen and published under the lock of the input's base name (AnswerNames): two inputs
            // that would share an AW320 name (jan.asc and jan.aw319) take turns, and the second sees the first's name taken.
            await work.LockAnswerNameAsync(AnswerNameLockOf(job.FileName), cancellationToken).ConfigureAwait(false);
            var outcome = await ProcessLockedAsync(work, job, session, readerOptions, structure, sha256, size, timings, started, cancellationToken)
                .ConfigureAwait(false);
            timings.Total = Stopwatch.GetElapsedTime(started);
            Log(outcome);
            return outcome;
        }
    }

    private async Task<FileOutcome> ProcessLockedAsync(
        FileUnitOfWork work,
        FileJob job,
        IFileAnswerSession session,
        VektisReaderOptions readerOptions,
        VektisReadResult structure,
        byte[] sha256,
        long size,
        FileTimings timings,
        long started,
        CancellationToken cancellationToken)
    {
        if (await work.FindStoredAsync(cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return await AnswerAgainAsync(work, job, earlier, sha256, timings, cancellationToken).ConfigureAwait(false);
        }

        var header = VoorloopInfo.From(structure.Voorloop);
        var file = new NewVektisFile(
            sha256,
            job.FileName,
            size,
            job.Received,
            header.Uzovi is { } uzovi ? (short)uzovi : null,
            header.ProviderAgb,
            header.Factuurnummer,
            header.SoortBericht,
            settings.ProcessedBy,
            header.PeriodEnd);

        if (NotAnswerable(structure) is { } reason)
        {
            await work.InsertQuarantinedAsync(file, reason, cancellationToken).ConfigureAwait(false);
            await QuarantineAsync(job, reason, cancellationToken).ConfigureAwait(false);
            return new FileOutcome(FileOutcomeKind.NotVektis, job.FileName) { Reason = reason, Timings = timings };
        }

        // F02: a sound production file repeating an invoice number this provider had processed is rejected with 0030. (Two
        // such files at once: the unique index vektis_file_invoice_key fails the second commit, and its retry lands here.)
        var repeatedInvoice = !structure.IsRejected
            && header is { IsProduction: true, ProviderAgb: { } agb, Factuurnummer: { } factuurnummer }
            && await work.IsInvoiceProcessedAsync(agb, factuurnummer, cancellationToken).ConfigureAwait(false);
        if (repeatedInvoice)
        {
            // Answered as the codec answers any file rejected as a whole: 01 with 0001 0030, the 99 as sent.
            structure.Reject(Retourcodes.FactuurnummerNietUniek, "FACTUURNUMMER DECLARANT was processed before for this provider");
        }

        var rejected = structure.IsRejected;
        var tally = new LineTally();

        var mark = Stopwatch.GetTimestamp();
        Directory.CreateDirectory(job.OutboxDirectory);
        var answerName = await ChooseAnswerNameAsync(work, job, sha256, null, cancellationToken).ConfigureAwait(false);
        var temporary = Path.Combine(job.OutboxDirectory, FileJob.TemporaryNameOf(answerName));
        var final = Path.Combine(job.OutboxDirectory, answerName);

        // The file's transaction: rolled back by the unit of work's disposal unless committed below.
        var fileId = await work.ClaimAsync(file, cancellationToken).ConfigureAwait(false);
        var answerHeader = Aw320Header.Create(FormattableString.Invariant($"WLZ-{fileId:D10}"), job.AnswerDate);
        Aw320Summary summary;
        byte[] aw320Sha;
        var output = new WritebackStream(new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0));
        await using (output.ConfigureAwait(false))
        {
            if (structure.IsRejected)
            {
                summary = await Aw320Responder.WriteAsync(() => OpenInput(job), structure, new StructuralAnswers(), output, answerHeader, readerOptions, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                summary = await AnswerAndStoreAsync(
                    work, job, session, structure, header, fileId, readerOptions, answerHeader, output, timings, tally, cancellationToken)
                    .ConfigureAwait(false);
            }

            // Synced to disk while it is read back for its hash (from the page cache): the two overlap.
            mark = Stopwatch.GetTimestamp();
            var sync = Task.Run(output.Sync, CancellationToken.None);
            aw320Sha = await DurableFiles.HashAsync(temporary, cancellationToken).ConfigureAwait(false);
            await sync.ConfigureAwait(false);
        }

        var aw320Size = new FileInfo(temporary).Length;
        var content = aw320Size <= settings.Aw320ContentLimit ? await File.ReadAllBytesAsync(temporary, cancellationToken).ConfigureAwait(false) : null;
        timings.Aw320 = Stopwatch.GetElapsedTime(mark);

        mark = Stopwatch.GetTimestamp();
        var codes = rejected ? CodesOf(RejectionCodes(structure)) : [];
        var kept = job.ArchiveDirectory is { } archive ? Path.GetFullPath(Path.Combine(archive, MailboxNames.Archived(fileId, answerName))) : Path.GetFullPath(final);
        await work.CompleteAsync(
            new VektisFileOutcome(
                rejected ? "rejected" : "processed",
                codes,
                checked((int)summary.Lines),
                checked((int)summary.Approved),
                checked((int)summary.RejectedLines),
                summary.NetIngediend,
                summary.NetToegekend,
                (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds)),
            cancellationToken).ConfigureAwait(false);
        await work.InsertAw320Async(answerName, aw320Sha, aw320Size, content, kept, cancellationToken)
            .ConfigureAwait(false);

        // The point of no return: from here on the file is stored, and processing its input again only finishes the rest.
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Statistics current after a large load, so the next file's history probes are planned on them (specs/storage.md).
        await work.RefreshLineStatisticsAsync(rejected ? 0 : summary.Lines, cancellationToken).ConfigureAwait(false);
        timings.Commit = Stopwatch.GetElapsedTime(mark);

        mark = Stopwatch.GetTimestamp();
        if (job.ArchiveDirectory is not null)
        {
            Directory.CreateDirectory(job.ArchiveDirectory);
            await DurableFiles.LinkOrCopyAsync(temporary, kept, CancellationToken.None).ConfigureAwait(false);
        }

        DurableFiles.Publish(temporary, final);
        Archive(job, fileId);
        timings.Finish = Stopwatch.GetElapsedTime(mark);

        return new FileOutcome(rejected ? FileOutcomeKind.Rejected : FileOutcomeKind.Processed, job.FileName)
        {
            FileId = fileId,
            Aw320Path = final,
            Lines = rejected ? structure.AantalPrestatierecords : summary.Lines,
            Approved = summary.Approved,
            DeclaredCents = summary.NetIngediend,
            ApprovedCents = summary.NetToegekend,
            Retourcodes = codes,
            LineOutcomes = rejected ? null : tally,
            Timings = timings,
        };
    }

    /// <summary>The second pass: the AW320 to <paramref name="output"/> while every 04's outcome streams into COPY.</summary>
    private async Task<Aw320Summary> AnswerAndStoreAsync(
        FileUnitOfWork work,
        FileJob job,
        IFileAnswerSession session,
        VektisReadResult structure,
        VoorloopInfo header,
        long fileId,
        VektisReaderOptions readerOptions,
        Aw320Header answerHeader,
        Stream output,
        FileTimings timings,
        LineTally tally,
        CancellationToken cancellationToken)
    {
        var mark = Stopwatch.GetTimestamp();

        // One writer per provider: held from before the history is read until this transaction commits (ProviderLock). A
        // wait for another file of the provider counts in Prepare.
        await work.LockProviderAsync(header.ProviderAgb!.Value, cancellationToken).ConfigureAwait(false);
        var inputs = new AnswerInputs(structure, header, job.Received, token => reference.GetAsync(store, token), work);
        var answers = await session.PrepareAsync(inputs, cancellationToken)
            .ConfigureAwait(false);
        timings.Prepare = Stopwatch.GetElapsedTime(mark);

        var row = new DeclarationLineRow
        {
            FileId = fileId,
            ProviderAgb = header.ProviderAgb!.Value,
            ReceivedOn = job.Received,
            Production = header.IsProduction,
        };
        var lines = await work.BeginLinesAsync(cancellationToken).ConfigureAwait(false);
        await using (lines.ConfigureAwait(false))
        {
            var storing = new StoringAnswers(answers, session, lines, row, tally);
            mark = Stopwatch.GetTimestamp();
            var summary = await Aw320Responder.WriteAsync(() => OpenInput(job), structure, storing, output, answerHeader, readerOptions, cancellationToken)
                .ConfigureAwait(false);
            timings.AnswerPass = Stopwatch.GetElapsedTime(mark);
            timings.CopyWrite = Stopwatch.GetElapsedTime(0, storing.CopyTicks);

            mark = Stopwatch.GetTimestamp();
            var stored = await lines.CompleteAsync(cancellationToken).ConfigureAwait(false);
            timings.CopyComplete = Stopwatch.GetElapsedTime(mark);
            if (stored != summary.Lines)
            {
                throw new InvalidOperationException($"{job.FileName}: {summary.Lines} lines answered but {stored} stored");
            }

            return summary;
        }
    }

    /// <summary>
    /// Answers an input whose content was stored before: with the AW320 of that file (never stored twice), or by quarantining
    /// it again. Also the way a crash after the commit is finished: the synced temporary AW320 is still in the outbox.
    /// </summary>
    private async Task<FileOutcome> AnswerAgainAsync(
        FileUnitOfWork work, FileJob job, StoredVektisFile earlier, byte[] sha256, FileTimings timings, CancellationToken cancellationToken)
    {
        if (!File.Exists(job.InputPath))
        {
            // Another worker finished this input (answered and archived it) while this one was reading it.
            return new FileOutcome(FileOutcomeKind.Gone, job.FileName);
        }

        if (earlier.Status == "quarantined")
        {
            var reason = earlier.QuarantineReason ?? "not a Vektis file";
            await QuarantineAsync(job, reason, cancellationToken).ConfigureAwait(false);
            return new FileOutcome(FileOutcomeKind.NotVektis, job.FileName) { FileId = earlier.Id, Reason = reason, Timings = timings };
        }

        var mark = Stopwatch.GetTimestamp();
        var stored = earlier.Aw320 ?? throw new InvalidOperationException($"file {earlier.Id} is {earlier.Status} but has no aw320 row");
        Directory.CreateDirectory(job.OutboxDirectory);

        // The same input again (a crash after its commit, or sent again under its own name): the name it was answered under.
        // A copy under another name: a name of its own, never one that holds another file's answer.
        var answerName = earlier.FileName == job.FileName
            ? stored.FileName
            : await ChooseAnswerNameAsync(work, job, sha256, earlier, cancellationToken).ConfigureAwait(false);
        var final = Path.Combine(job.OutboxDirectory, answerName);
        if (!await DurableFiles.HasContentAsync(final, stored.Sha256, cancellationToken).ConfigureAwait(false))
        {
            var temporary = Path.Combine(job.OutboxDirectory, FileJob.TemporaryNameOf(answerName));
            if (!await DurableFiles.HasContentAsync(temporary, stored.Sha256, cancellationToken).ConfigureAwait(false))
            {
                await RestoreAw320Async(work, earlier, stored, temporary, cancellationToken).ConfigureAwait(false);
            }

            // The kept copy may be what a crash right after the commit did not get to make.
            if (job.ArchiveDirectory is not null && stored.Path is { } keptPath && !File.Exists(keptPath))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(keptPath)!);
                await DurableFiles.LinkOrCopyAsync(temporary, keptPath, CancellationToken.None).ConfigureAwait(false);
            }

            DurableFiles.Publish(temporary, final);
        }

        Archive(job, earlier.Id);
        timings.Finish = Stopwatch.GetElapsedTime(mark);
        return new FileOutcome(FileOutcomeKind.Reused, job.FileName)
        {
            FileId = earlier.Id,
            Aw320Path = final,
            Lines = earlier.LineCount,
            Approved = earlier.ApprovedCount,
            DeclaredCents = earlier.DeclaredCents,
            ApprovedCents = earlier.ApprovedCents,
            Retourcodes = earlier.Retourcodes,
            Reason = $"identical to {earlier.FileName} (file {earlier.Id}, received {earlier.ReceivedOn:yyyy-MM-dd})",
            EarlierReceivedOn = earlier.ReceivedOn,
            Timings = timings,
        };
    }

    /// <summary>Writes the stored file's AW320 to <paramref name="temporary"/>: from its row, or from the kept copy on disk.</summary>
    private static async Task RestoreAw320Async(
        FileUnitOfWork work, StoredVektisFile earlier, StoredAw320 stored, string temporary, CancellationToken cancellationToken)
    {
        if (stored.HasContent
            && await work.ReadAw320ContentAsync(earlier.Id, cancellationToken).ConfigureAwait(false) is { } content)
        {
            await DurableFiles.WriteSyncedAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        }
        else if (stored.Path is { } path && await DurableFiles.HasContentAsync(path, stored.Sha256, cancellationToken).ConfigureAwait(false))
        {
            await DurableFiles.CopySyncedAsync(path, temporary, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new Aw320UnavailableException(
                $"identical to {earlier.FileName} (file {earlier.Id}), but its AW320 is no longer available: not kept in the database " +
                $"and not (unchanged) at {stored.Path ?? "any path"}");
        }

        if (!await DurableFiles.HasContentAsync(temporary, stored.Sha256, cancellationToken).ConfigureAwait(false))
        {
            throw new Aw320UnavailableException($"the AW320 of file {earlier.Id} does not match its recorded SHA-256");
        }
    }

    /// <summary>
    /// After a large file, its garbage (the prepass, the adjudicator's state, the history and what making them left behind:
    /// tens of MB for a million lines) goes back to the system at once. Left to itself the GC collects it lazily: a worker
    /// answering five files of a million lines was measured growing to 1.4 GB. A full compacting collection costs a fraction
    /// of a second against the seconds such a file takes.
    /// </summary>
    private static void ReturnMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The reference snapshot made sure of, with the time it took in <see cref="FileTimings.Reference"/>.</summary>
    private async Task TimedReferenceAsync(FileTimings timings, CancellationToken cancellationToken)
    {
        // Off the caller's thread at once: the first pass must not wait for the query to be sent.
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        await reference.GetAsync(store, cancellationToken).ConfigureAwait(false);
        timings.Reference = Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Waits for a task whose outcome no longer matters (the file failed for another reason), swallowing its fault.</summary>
    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The first pass's exception is the one reported; this one would only hide it.
        }
    }

    /// <summary>Why no AW320 can answer the input, or null when one can.</summary>
    private static string? NotAnswerable(VektisReadResult structure)
    {
        if (!structure.IsVektis)
        {
            return structure.NotVektisReason ?? "not a Vektis file";
        }

        if (structure.Kind != MessageKind.Aw319)
        {
            return $"an {structure.Kind} (a return message), not an AW319 declaration";
        }

        return structure.Voorloop is null ? "no voorlooprecord to answer" : null;
    }

    /// <summary>The codes of a rejected file's 01, as the codec's responder writes them.</summary>
    private static RetourcodeSet RejectionCodes(VektisReadResult structure)
    {
        var codes = new RetourcodeSet(Retourcodes.BerichtAfgekeurd);
        foreach (var code in structure.DistinctFileFaultCodes())
        {
            codes.Add(code);
        }

        return codes;
    }

    private static short[] CodesOf(RetourcodeSet codes)
    {
        var values = new short[codes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (short)codes[i].Value;
        }

        return values;
    }

    private static Stream OpenInput(FileJob job)
    {
        var file = new FileStream(job.InputPath, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 0,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });
        return job.ReadProgress is { } progress ? new ProgressReadStream(file, progress) : file;
    }

    /// <summary>The key of the lock under which an input's answer name is chosen: its base name, from which every candidate is made.</summary>
    private static string AnswerNameLockOf(string inputName) => Path.GetFileNameWithoutExtension(inputName);

    /// <summary>
    /// The first of the input's answer names (<see cref="MailboxNames.AnswerCandidates"/>) that no other file's committed
    /// AW320 holds and that the outbox does not hold, or holds with this very answer (a copy answered before). Called under
    /// the lock of <see cref="AnswerNameLockOf"/>, so no other process is choosing among the same names.
    /// </summary>
    private static async Task<string> ChooseAnswerNameAsync(
        FileUnitOfWork work, FileJob job, byte[] inputSha256, StoredVektisFile? earlier, CancellationToken cancellationToken)
    {
        var candidates = MailboxNames.AnswerCandidates(job.FileName, inputSha256);
        var taken = await work.AnswerNamesTakenAsync(candidates, earlier?.Id, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in candidates)
        {
            var path = Path.Combine(job.OutboxDirectory, candidate);
            if (taken.Contains(candidate))
            {
                continue;
            }

            if (!Path.Exists(path)
                || (earlier?.Aw320 is { } answer && await DurableFiles.HasContentAsync(path, answer.Sha256, cancellationToken).ConfigureAwait(false)))
            {
                return candidate;
            }
        }

        throw new IOException($"{LogText.Escape(job.FileName)}: every name its AW320 may have is taken in {job.OutboxDirectory}");
    }

    /// <summary>Worker mode: the answered input goes to the archive. An input already gone was archived by someone else.</summary>
    private static void Archive(FileJob job, long fileId)
    {
        if (job.ArchiveDirectory is not { } archive)
        {
            return;
        }

        Directory.CreateDirectory(archive);
        try
        {
            DurableFiles.MoveSynced(job.InputPath, Path.Combine(archive, MailboxNames.Archived(fileId, job.FileName)));
        }
        catch (FileNotFoundException)
        {
        }
    }

    /// <summary>Worker mode: the input goes to quarantine with the reason beside it (<see cref="MailboxFiles.QuarantineAsync"/>).</summary>
    private static Task QuarantineAsync(FileJob job, string reason, CancellationToken cancellationToken) =>
        job.QuarantineDirectory is { } quarantine
            ? MailboxFiles.QuarantineAsync(job.InputPath, quarantine, reason, cancellationToken)
            : Task.CompletedTask;

    private void Log(FileOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case FileOutcomeKind.Processed:
                logger.LogInformation(
                    "Processed {File} as file {FileId}: {Lines} lines, {Approved} approved, {Rejected} rejected, AW320 {Aw320} in {Milliseconds} ms",
                    LogText.Escape(outcome.FileName), outcome.FileId, outcome.Lines, outcome.Approved, outcome.RejectedLines, LogText.Escape(outcome.Aw320Path),
                    (long)outcome.Timings.Total.TotalMilliseconds);
                break;
            case FileOutcomeKind.Rejected:
                logger.LogInformation(
                    "Rejected {File} as a whole as file {FileId} with {Retourcodes}, AW320 {Aw320}",
                    LogText.Escape(outcome.FileName), outcome.FileId, string.Join(' ', outcome.Retourcodes.Select(c => c.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))),
                    LogText.Escape(outcome.Aw320Path));
                break;
            case FileOutcomeKind.Reused:
                logger.LogInformation("Answered {File} with the AW320 of file {FileId}: {Reason}", LogText.Escape(outcome.FileName), outcome.FileId, LogText.Escape(outcome.Reason));
                break;
            case FileOutcomeKind.NotVektis:
                logger.LogWarning("Not a Vektis declaration, not answered: {File}: {Reason}", LogText.Escape(outcome.FileName), LogText.Escape(outcome.Reason));
                break;
        }
    }
}

/// <summary>An input identical to a stored file whose AW320 can no longer be found: it cannot be answered again.</summary>
public sealed class Aw320UnavailableException : Exception
{
    public Aw320UnavailableException(string message)
        : base(message)
    {
    }

    public Aw320UnavailableException()
    {
    }

    public Aw320UnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
