using System.Globalization;
using System.Text;
using WlzMessaging.Ingestion;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Operations.Status;

/// <summary>Builds <see cref="StatusSnapshot"/> from the live rows, and writes it as the lines of <c>wlz status</c>.</summary>
public static class StatusView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static StatusSnapshot Build(StatusRows rows, string where)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var mailbox = MailboxState.Of(rows.Workers);
        return new StatusSnapshot(
            Amsterdam.ToLocal(rows.Now),
            new DatabaseLine(true, where, rows.ServerVersion),
            rows.Workers.Any(w => w.Running),
            mailbox.Waiting,
            rows.Workers.Select(Worker).ToList(),
            mailbox.InHand,
            mailbox.Answered,
            mailbox.Quarantined,
            rows.LastAnswer is { } a ? Answer(a) : null,
            rows.LastNightly is { } n ? Nightly(n) : null);
    }

    internal static WorkerLine Worker(WorkerStatus w) => new(
        w.WorkerId, w.Host, w.Pid, WorkerStateText(w.State), w.Running, w.Stale, Amsterdam.ToLocal(w.StartedAt), Amsterdam.ToLocal(w.SeenAt),
        Math.Round(w.SinceSeen.TotalSeconds, 1), (int)w.Interval.TotalSeconds, w.Waiting, w.CurrentFile, w.FilesAnswered, w.FilesQuarantined,
        w.LastFile);

    internal static LastAnswerLine Answer(LastAnswer a) =>
        new(a.FileId, a.Aw320Name, Amsterdam.ToLocal(a.WrittenAt), AgbText.Of(a.ProviderAgb), a.Status, a.Lines, a.ReceivedOn, a.InputName);

    internal static NightlyLine Nightly(NightlyRun n)
    {
        var report = NightlyReportView.Redact(n.Report);
        return new(n.Date, Amsterdam.ToLocal(n.StartedAt), n.FinishedAt is { } f ? Amsterdam.ToLocal(f) : null, n.Finished, report)
        {
            Figures = NightlyReportView.Figures(report),
        };
    }

    internal static string WorkerStateText(WorkerState state) => state.ToString().ToLowerInvariant();

    public static string Write(StatusSnapshot status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        Line(text, "database", $"reachable: {status.Database.Where}, PostgreSQL {status.Database.ServerVersion}");

        if (status.Workers.Count == 0)
        {
            Line(text, "worker", "not running (no worker has reported in the last day)");
        }
        else
        {
            Line(text, "worker", status.WorkerRunning ? "running" : "not running");
            foreach (var w in status.Workers)
            {
                var what = w.Stale && w.State != "stopped"
                    ? $"no heartbeat for {Duration(w.SecondsSinceSeen)} (expected every {w.IntervalSeconds} s): not running; it last said {w.State}"
                    : w.State == "processing" && w.CurrentFile is { } file
                        ? $"processing {LogText.Escape(file)}"
                        : w.State;
                Line(text, "", $"{w.WorkerId} ({w.Host}, pid {w.Pid}, started {Time(w.StartedAt)}): {what}; seen {Duration(w.SecondsSinceSeen)} ago");
            }
        }

        Line(text, "inbox", status.InboxDepth is { } depth ? $"{depth} file{(depth == 1 ? "" : "s")} waiting" : "unknown (no running worker reports it)");

        if (status.InHand.Count == 0)
        {
            Line(text, "in hand", "none");
        }
        else
        {
            foreach (var f in status.InHand)
            {
                var since = f.Since is { } at ? $" since {Time(at)}" + (f.Seconds is { } s ? $" ({Duration(s)})" : "") : "";
                Line(text, status.InHand[0] == f ? "in hand" : "", $"{LogText.Escape(f.FileName)}, worker {f.WorkerId}{since}");
            }
        }

        if (status.WorkerRunning)
        {
            Line(text, "done", $"{status.FilesAnswered} answered, {status.FilesQuarantined} quarantined by the running worker{(status.Workers.Count(w => w.Running) == 1 ? "" : "s")} since start");
        }

        Line(text, "last AW320", status.LastAnswer is { } a
            ? $"{Time(a.WrittenAt)} {LogText.Escape(a.Aw320Name)} for file {a.FileId}{Agb(a.Agb)}: {a.Status}, {a.Lines} lines, received {a.ReceivedOn:yyyy-MM-dd}{Input(a.InputName)}"
            : "none written yet");

        if (status.LastNightly is not { } n)
        {
            Line(text, "nightly", "never run");
        }
        else
        {
            Line(text, "nightly", n.Finished
                ? $"{n.Date:yyyy-MM-dd}: finished {Time(n.FinishedAt!.Value)} (took {Duration((n.FinishedAt.Value - n.StartedAt).TotalSeconds)})"
                : $"{n.Date:yyyy-MM-dd}: started {Time(n.StartedAt)}, not finished (running now, or interrupted)");

            // The report as labelled lines under it, the figures aligned in one column.
            var width = n.Figures.Count == 0 ? 0 : n.Figures.Max(f => f.Label.Length);
            foreach (var figure in n.Figures)
            {
                Line(text, "", "  " + figure.Label.PadRight(width) + "  " + figure.Value);
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(12)).AppendLine(value);

    /// <summary>The input an answer belongs to (its name escaped: it came from outside).</summary>
    private static string Input(string? name) => name is null ? "" : $"; input {LogText.Escape(name)}";

    private static string Agb(string? agb) => agb is { } a ? $" (AGB {a})" : "";

    private static string Time(DateTimeOffset time) => Amsterdam.Display(time);

    internal static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalSeconds < 90 ? string.Create(Inv, $"{span.TotalSeconds:0} s")
            : span.TotalMinutes < 90 ? string.Create(Inv, $"{span.TotalMinutes:0} min")
            : span.TotalHours < 48 ? string.Create(Inv, $"{span.TotalHours:0.#} h")
            : string.Create(Inv, $"{span.TotalDays:0.#} days");
    }
}
