using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using WlzMessaging.Adjudication;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Configuration;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Nightly;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Operations;
using WlzMessaging.Storage;

namespace WlzMessaging.Host.Commands;

/// <summary><c>wlz nightly</c>: the nightly reprocessing of one date, on demand (the worker runs it itself every night).</summary>
public sealed class NightlyCommand : Command
{
    public override string Name => "nightly";

    public override string Summary => "Fold in a day's corrections (credits, tariff changes, herschikkingen, late MAZ) and finish waiting files";

    public override CommandSyntax Syntax { get; } = new()
    {
        Options =
        [
            OptionSpec.Value("date", "DATE", "the day whose corrections are folded in (YYYY-MM-DD; default yesterday, Europe/Amsterdam)"),
            OptionSpec.Value("format", "text|json", "text (default) or the run's report as JSON"),
            OptionSpec.Value("uzovi", "NNNN", "this zorgkantoor's UZOVI code (Uzovi, env WLZ_UZOVI)"),
            OptionSpec.Value("inbox", "DIR", "Mailbox:Inbox (env WLZ_Mailbox__Inbox)"),
            OptionSpec.Value("outbox", "DIR", "Mailbox:Outbox (env WLZ_Mailbox__Outbox)"),
            OptionSpec.Value("archive", "DIR", "Mailbox:Archive (env WLZ_Mailbox__Archive)"),
            OptionSpec.Value("quarantine", "DIR", "Mailbox:Quarantine (env WLZ_Mailbox__Quarantine)"),
            OptionSpec.Value("config", "FILE", "read this settings file instead of the appsettings.json beside the program"),
            .. StorageOptions.Options,
        ],
        Details = """
            The same job the worker (wlz run) runs every night at Nightly:At (default 02:00, Europe/Amsterdam) for the day
            before. In order:
              1. files that could not finish: claims a dead worker left are released, and the files waiting in the inbox
                 are answered as the worker answers them (a file a live worker holds is left to it);
              2. provider corrections: the credit lines and re-debits received that day matched to the debits they correct,
                 and the net production per provider, year and month recomputed for the providers and years concerned;
              3. reference corrections: the tariff corrections of the tariff changes entered that day (for the advance run
                 on the first of the next month), the herschikkingen taking effect that day, and the lines rejected for the
                 MAZ (8290, 8287) in an open declaration year that a MAZ period now covers, listed per provider for
                 resubmission (an AW320 already sent is never changed);
              4. the report, stored with the work: wlz status and the dashboard show it.
            Running a date again changes nothing. It takes the worker's configuration (the mailbox, Uzovi, Cutoffs).
            The report names providers and files, never a BSN, a name or a birth date.
            """,
    };

    public override async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var date = args.Date("date") ?? NightlySchedule.Yesterday(TimeProvider.System.GetUtcNow());
        var json = (args.Value("format") ?? "text") switch
        {
            "text" => false,
            "json" => true,
            var other => throw new UsageException($"--format: '{other}' is not text or json"),
        };

        var settings = LoadSettings(args);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var store = await CommandStore.OpenAsync(args, loggers, cancellationToken);
        var adjudication = new AdjudicationSettings(settings.Cutoffs);
        var logger = loggers.CreateLogger<NightlyJob>();
        var pending = new PendingFiles(store, settings, new AdjudicatingAnswering(adjudication), TimeProvider.System, logger);
        var report = await new NightlyJob(store, adjudication, logger).RunAsync(date, pending, unlessFinished: false, cancellationToken)
            ?? throw new InvalidOperationException("a run that is not skipped has a report");

        await console.Out.WriteAsync(json ? NightlyJob.ToJson(report) + Environment.NewLine : Text(report));
        return ExitCodes.Ok;
    }

    private static WorkerSettings LoadSettings(CommandArguments args)
    {
        var overrides = new Dictionary<string, string?>();
        foreach (var (option, key) in new[] { ("uzovi", "Uzovi"), ("inbox", "Mailbox:Inbox"), ("outbox", "Mailbox:Outbox"), ("archive", "Mailbox:Archive"), ("quarantine", "Mailbox:Quarantine") })
        {
            if (args.Value(option) is { } value)
            {
                overrides[key] = value;
            }
        }

        var settingsFile = args.Value("config") is { } file ? Path.GetFullPath(file) : null;
        if (settingsFile is not null && !File.Exists(settingsFile))
        {
            throw new CommandFailedException($"--config: {args.Value("config")}: no such file");
        }

        try
        {
            return WorkerSettings.Load(WlzConfiguration.Build(overrides, settingsFile));
        }
        catch (WorkerConfigurationException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new CommandFailedException($"configuration: {e.Message}", e);
        }
    }

    /// <summary>The report for a person: the totals, then one line per provider.</summary>
    internal static string Text(NightlyReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var f = report.Files;
        text.AppendLine(string.Create(inv, $"nightly run of {report.Date:yyyy-MM-dd}"));
        text.AppendLine(f.Inbox == "processed"
            ? string.Create(inv, $"  files: {f.Processed} processed, {f.Rejected} rejected as a whole, {f.AnsweredAgain} answered again, {f.Quarantined} quarantined, {f.LeftToLiveWorker} left to a live worker, {f.Failed} failed; stale claims {f.StaleClaimsReleased} released")
            : string.Create(inv, $"  files: inbox {f.Inbox}; stale claims {f.StaleClaimsReleased} released"));
        text.AppendLine(string.Create(inv, $"  provider corrections: {report.Credits} credits ({report.CreditsUnmatched} unmatched), {report.Redebits} re-debits, net {Money.Operator(report.CorrectionNetCents)}; production recomputed for {report.ProductionYearsRecomputed} provider-years"));
        text.AppendLine(string.Create(inv, $"  tariff corrections: {report.TariffCorrections}, {Money.Operator(report.TariffCorrectionCents)}; herschikkingen: {report.Herschikkingen}"));
        text.AppendLine(string.Create(inv, $"  late MAZ: {report.LateMazLines} lines to send again (open years {string.Join(", ", report.OpenYears)})"));
        foreach (var p in report.Providers)
        {
            text.Append(string.Create(inv, $"  {p.Agb} {p.ProviderName ?? "(unknown)"}:"));
            if (p.Credits + p.Redebits > 0)
            {
                text.Append(string.Create(inv, $" {p.Credits} credits, {p.Redebits} re-debits ({Money.Operator(p.CorrectionNetCents)});"));
            }

            foreach (var t in p.TariffCorrections)
            {
                text.Append(string.Create(inv, $" tariff {t.Prestatiecode} {t.Year} {Money.Operator(t.OldTariefCents)} -> {Money.Operator(t.NewTariefCents)} x {t.Volume} = {Money.Operator(t.AmountCents)} from the run of {t.CountsFrom:yyyy-MM-dd};"));
            }

            foreach (var h in p.Herschikkingen)
            {
                text.Append(string.Create(inv, $" herschikking {h.Year} {Money.Operator(h.OldAmountCents)} -> {Money.Operator(h.NewAmountCents)} from {h.GeldigVanaf:yyyy-MM-dd};"));
            }

            if (p.LateMazLines > 0)
            {
                text.Append(string.Create(inv, $" {p.LateMazLines} lines to send again;"));
            }

            text.Length -= text[^1] == ';' ? 1 : 0;
            text.AppendLine();
        }

        return text.ToString();
    }
}
