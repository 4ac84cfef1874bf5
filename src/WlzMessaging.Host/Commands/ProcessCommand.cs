using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Configuration;
using WlzMessaging.Ingestion.Funding;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz process FILE|DIR... --out DIR</c>: AW319 files answered and stored, as if received on one day.</summary>
public sealed class ProcessCommand : Command
{
    public override string Name => "process";

    public override string Summary => "Answer AW319 files with their AW320 and store every line with its outcome";

    public override CommandSyntax Syntax { get; } = new()
    {
        Positionals = [new PositionalSpec("FILE", "an AW319 file, or a directory: every *.aw319 in it, in name order")],
        LastPositionalRepeats = true,
        Options =
        [
            OptionSpec.Value("out", "DIR", "where the AW320s go: the input's base name with the extension .aw320 (a short content hash added when another input's answer has that name; never overwritten)", required: true),
            OptionSpec.Value("received", "YYYY-MM-DD", "the day the files arrived (default today, Europe/Amsterdam); also the AW320's date"),
            OptionSpec.Value("reference", "DIR", "import the reference CSVs of DIR first (as 'wlz reference import DIR')"),
            OptionSpec.Value("uzovi", "NNNN", "this zorgkantoor's UZOVI code; a file addressed to another gets 0018 (default: WLZ_UZOVI or Uzovi in appsettings.json, else not checked)"),
            OptionSpec.Flag("verbose", "also print where the time of each file went"),
            .. StorageOptions.Options,
        ],
        Details = """
            Each file is processed as the worker does (specs/ingestion.md): hashed, read twice (structure, then the answers),
            its AW320 written to a hidden name in --out and renamed into place once its lines, outcome and AW320 record are
            committed in one transaction. Rejected lines are a normal outcome. A file rejected as a whole (a fault in its
            structure, or 0030 for an invoice number this provider already had processed) gets an AW320 of its 01 and 99.
            A byte-identical copy of a file processed before is answered with that file's AW320 again and stores nothing.
            The inputs are not moved.

            One line per file: lines, approved, rejected, net totals declared and approved, the AW320, time taken.
            Exit 0 when every file got an AW320; 1 when one could not be processed at all (not a Vektis AW319, unreadable),
            with a line on stderr per such file.

            Example: wlz process testdata/inbox-sample --reference testdata/reference --out out/aw320 --received 2025-02-10
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var outbox = Path.GetFullPath(args.Value("out")!);
        var received = args.Date("received") ?? Amsterdam.Today(TimeProvider.System);
        var uzovi = args.Int32("uzovi", 1, 9999) ?? ConfiguredUzovi();
        var verbose = args.Has("verbose");
        var inputs = Inputs(args.Positionals);

        await using var store = await CommandStore.OpenAsync(args, loggers: null, cancellationToken);
        if (args.Value("reference") is { } referenceDirectory)
        {
            var imported = await ReferenceImport.ImportAsync(store, referenceDirectory, console.Out, console.Error, cancellationToken);
            if (ReferenceImport.Failure(imported) is { } failure)
            {
                throw new CommandFailedException(failure + "; no file processed");
            }
        }

        using var reference = new ReferenceSnapshotCache();
        var processor = new FileProcessor(
            store,
            new ProcessingSettings { Uzovi = uzovi },
            new AdjudicatingAnswering(ConfiguredAdjudication()),
            reference,
            NullLogger.Instance);

        var failures = 0;
        foreach (var input in inputs)
        {
            var name = LogText.Escape(Path.GetFileName(input));
            FileOutcome outcome;
            try
            {
                outcome = await ProcessWithRetryAsync(processor, new FileJob(input, outbox, received, received), cancellationToken);
            }
            catch (Exception e) when (StorageFailures.IsDatabaseError(e) || e is IOException or UnauthorizedAccessException or Aw320UnavailableException)
            {
                failures++;
                await console.Error.WriteLineAsync($"wlz process: {name}: could not be processed: {OneLine(e.Message)}");
                continue;
            }

            if (!outcome.Answered)
            {
                failures++;
                await console.Error.WriteLineAsync($"wlz process: {name}: {Unanswered(outcome)}");
                continue;
            }

            await console.Out.WriteLineAsync(SummaryLine(outcome, outbox));
            if (verbose)
            {
                await console.Out.WriteLineAsync(Breakdown(outcome.Timings));
                await console.Out.WriteLineAsync(RuntimeCosts());
            }
        }

        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>
    /// Processes one file, once more when a concurrent writer beat it to the same content or invoice number (the unique
    /// indexes of vektis_file fail the later commit; the retry then finds the earlier file and answers accordingly).
    /// </summary>
    internal static async Task<FileOutcome> ProcessWithRetryAsync(FileProcessor processor, FileJob job, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await processor.ProcessAsync(job, cancellationToken);
                if (outcome.Kind != FileOutcomeKind.Busy || attempt >= 600)
                {
                    return outcome;
                }

                // Another process has this very content in hand: wait for it, then answer with its AW320.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            catch (Exception e) when (attempt < 3 && StorageFailures.IsConcurrentDuplicate(e))
            {
            }
        }
    }

    private static List<string> Inputs(IReadOnlyList<string> positionals)
    {
        var inputs = new List<string>();
        foreach (var positional in positionals)
        {
            if (Directory.Exists(positional))
            {
                var files = Directory.EnumerateFiles(positional, "*.aw319", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    throw new CommandFailedException($"{positional} holds no *.aw319 file");
                }

                inputs.AddRange(files.Select(Path.GetFullPath));
            }
            else if (File.Exists(positional))
            {
                inputs.Add(Path.GetFullPath(positional));
            }
            else
            {
                throw new CommandFailedException($"{positional}: no such file or directory");
            }
        }

        return inputs;
    }

    private static WlzMessaging.Adjudication.AdjudicationSettings ConfiguredAdjudication()
    {
        try
        {
            return AdjudicatingAnswering.SettingsFrom(WlzConfiguration.Build());
        }
        catch (InvalidOperationException e)
        {
            throw new CommandFailedException(e.Message);
        }
        catch (WlzMessaging.Funding.ProtocolFileException e)
        {
            throw new CommandFailedException($"the advance protocols ({ProtocolFiles.SettingKey}) cannot be used:{Environment.NewLine}{e.Message}");
        }
    }

    private static int? ConfiguredUzovi()
    {
        var settings = WlzConfiguration.Build();
        var text = settings["Uzovi"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return WlzConfiguration.TryParseUzovi(text, out var uzovi)
            ? uzovi
            : throw new CommandFailedException($"configuration: Uzovi '{text}' is not a UZOVI code (1-9999; env WLZ_UZOVI)");
    }

    private static string Unanswered(FileOutcome outcome) => outcome.Kind switch
    {
        FileOutcomeKind.NotVektis => $"not a Vektis AW319, no AW320 can be formed: {outcome.Reason}",
        FileOutcomeKind.Gone => "the file disappeared before it could be read",
        _ => "another process has this file in hand",
    };

    internal static string SummaryLine(FileOutcome outcome, string outbox)
    {
        var aw320 = outcome.Aw320Path is { } path ? Shown(path) : outbox;
        var seconds = outcome.Timings.Total.TotalSeconds;
        var totals = string.Create(CultureInfo.InvariantCulture,
            $"declared EUR {Operations.Money.DebetCredit(outcome.DeclaredCents)}, approved EUR {Operations.Money.DebetCredit(outcome.ApprovedCents)}");
        var rate = seconds > 0 && outcome.Lines >= 10_000 ? string.Create(CultureInfo.InvariantCulture, $" ({outcome.Lines / seconds:N0} lines/s)") : "";
        var what = outcome.Kind switch
        {
            FileOutcomeKind.Rejected => string.Create(CultureInfo.InvariantCulture,
                $"rejected as a whole ({Codes(outcome.Retourcodes)}): {outcome.Lines:N0} lines not judged"),
            FileOutcomeKind.Reused => string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Reason}: its AW320 answered again, nothing stored: {outcome.Lines:N0} lines, {outcome.Approved:N0} approved, {outcome.RejectedLines:N0} rejected"),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Lines:N0} lines, {outcome.Approved:N0} approved, {outcome.RejectedLines:N0} rejected"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{LogText.Escape(outcome.FileName)}: {what}; {totals}; AW320 {LogText.Escape(aw320)}; {seconds:F2} s{rate}");
    }

    /// <summary>A path as the user would type it: relative below the current directory, else absolute.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    internal static string Breakdown(FileTimings t) => string.Create(CultureInfo.InvariantCulture,
        $"  time: first pass+hash {t.FirstPass.TotalSeconds:F2} s (reference snapshot beside it {t.Reference.TotalSeconds:F2} s, then waited {t.ReferenceWait.TotalSeconds:F2} s), prepare {t.Prepare.TotalSeconds:F2} s, " +
        $"answer+store pass {t.AnswerPass.TotalSeconds:F2} s (of which COPY rows {t.CopyWrite.TotalSeconds:F2} s), COPY end {t.CopyComplete.TotalSeconds:F2} s, " +
        $"AW320 sync+hash {t.Aw320.TotalSeconds:F2} s, commit {t.Commit.TotalSeconds:F2} s, rename+archive {t.Finish.TotalSeconds:F2} s");

    /// <summary>
    /// What the runtime itself cost this process so far: the JIT (a published ReadyToRun wlz compiles far less), the GC's
    /// pauses, and the process's CPU time (user+sys, all threads), to set against the file's wall time.
    /// </summary>
    internal static string RuntimeCosts()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"  runtime so far: CPU of wlz {process.TotalProcessorTime.TotalSeconds:F2} s (user {process.UserProcessorTime.TotalSeconds:F2} s), " +
            $"JIT {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s for {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods, " +
            $"GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s in {GC.CollectionCount(0):N0} collections");
    }

    private static string Codes(IReadOnlyList<short> codes) =>
        string.Join(' ', codes.Select(c => c.ToString("D4", CultureInfo.InvariantCulture)));

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
