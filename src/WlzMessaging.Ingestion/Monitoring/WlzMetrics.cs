using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Monitoring;

/// <summary>
/// The engine's metrics: a <see cref="Meter"/> named <c>WlzMessaging</c> from <see cref="IMeterFactory"/>, readable live
/// with <c>dotnet-counters monitor --counters WlzMessaging -p PID</c> (README, "Watching the worker") and scraped at
/// <c>/metrics</c> of <c>wlz run</c> through OpenTelemetry's Prometheus exporter. The worker calls <see cref="RecordFile"/>
/// and <see cref="RecordLines"/> once per file; nothing here is called per line.
/// </summary>
/// <remarks>
/// Instruments (lowercase, dotted):
/// <list type="bullet">
/// <item><c>wlz.files.processed</c> counter {file}, tag <c>outcome</c> (processed, rejected, quarantined, duplicate)</item>
/// <item><c>wlz.lines.processed</c> counter {line}: every 04 line judged</item>
/// <item><c>wlz.lines.approved</c> counter {line}</item>
/// <item><c>wlz.lines.rejected</c> counter {line}, tag <c>retourcode</c>: the line's first code, four digits</item>
/// <item><c>wlz.file.processing.duration</c> histogram, seconds, tag <c>outcome</c>: claim to commit</item>
/// <item><c>wlz.file.receipt_to_aw320</c> histogram, days: from the day received to the day the AW320 was written</item>
/// <item><c>wlz.inbox.depth</c> observable gauge {file}: files waiting, read from the callback when a listener collects</item>
/// <item><c>wlz.mailbox.files</c> observable gauge {file}, tag <c>state</c> (waiting, in_hand, answered, quarantined): the
/// mailbox in the state model <c>wlz status</c> and the dashboard show, answered and quarantined since the worker started</item>
/// <item><c>wlz.lines.per_minute</c> observable gauge {line}: lines judged in the last 60 seconds (a file's lines count
/// when it is done), so a burst shows at once</item>
/// </list>
/// No tag carries a provider, a file name or anything about a client: tags stay few and nothing personal leaves.
/// </remarks>
public sealed class WlzMetrics
{
    public const string MeterName = "WlzMessaging";

    private static readonly ConcurrentDictionary<ushort, string> s_codeText = new();

    private readonly Counter<long> _files;
    private readonly Counter<long> _lines;
    private readonly Counter<long> _approved;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _receiptToAw320;
    private readonly TimeProvider _time;
    private readonly Queue<(DateTimeOffset At, long Lines)> _lastMinute = new();
    private readonly Lock _lastMinuteLock = new();

    /// <param name="meterFactory">The host's factory (<c>services.AddMetrics()</c>; the Generic Host registers one).</param>
    /// <param name="inboxDepth">Counts the files waiting in the inbox; called only when a listener collects. Null: no gauge value.</param>
    /// <param name="mailbox">The mailbox's files by state (the worker's <c>WorkerActivity.Counts</c>); null: no gauge.</param>
    /// <param name="time">The clock of <c>wlz.lines.per_minute</c>'s window.</param>
    public WlzMetrics(IMeterFactory meterFactory, Func<long>? inboxDepth = null, Func<MailboxCounts>? mailbox = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _time = time ?? TimeProvider.System;
        Meter = meterFactory.Create(new MeterOptions(MeterName));
        _files = Meter.CreateCounter<long>("wlz.files.processed", "{file}", "Files finished, by outcome");
        _lines = Meter.CreateCounter<long>("wlz.lines.processed", "{line}", "Declaration lines (04) judged");
        _approved = Meter.CreateCounter<long>("wlz.lines.approved", "{line}", "Lines approved in full (8001)");
        _rejected = Meter.CreateCounter<long>("wlz.lines.rejected", "{line}", "Lines rejected, by their first retourcode");
        _duration = Meter.CreateHistogram<double>("wlz.file.processing.duration", "s", "Time from claiming a file to committing its outcome");
        _receiptToAw320 = Meter.CreateHistogram<double>("wlz.file.receipt_to_aw320", "d", "Days from receiving a file to writing its AW320 (aim 5, limit 20)");
        if (inboxDepth is not null)
        {
            Meter.CreateObservableGauge("wlz.inbox.depth", inboxDepth, "{file}", "Files waiting in the inbox");
        }

        if (mailbox is not null)
        {
            Meter.CreateObservableGauge("wlz.mailbox.files", () => MailboxMeasurements(mailbox()), "{file}", "The mailbox's files by state: waiting, in hand, answered and quarantined since start");
        }

        Meter.CreateObservableGauge("wlz.lines.per_minute", LinesInLastMinute, "{line}", "Lines judged in the last 60 seconds");
    }

    /// <summary>Lines judged in the last 60 seconds (each file's lines counted when it was done).</summary>
    public long LinesInLastMinute()
    {
        var since = _time.GetUtcNow() - TimeSpan.FromMinutes(1);
        lock (_lastMinuteLock)
        {
            while (_lastMinute.TryPeek(out var oldest) && oldest.At <= since)
            {
                _lastMinute.Dequeue();
            }

            return _lastMinute.Sum(e => e.Lines);
        }
    }

    private static Measurement<long>[] MailboxMeasurements(MailboxCounts counts) =>
    [
        new(counts.Waiting ?? 0, new KeyValuePair<string, object?>("state", "waiting")),
        new(counts.InHand, new KeyValuePair<string, object?>("state", "in_hand")),
        new(counts.Answered, new KeyValuePair<string, object?>("state", "answered")),
        new(counts.Quarantined, new KeyValuePair<string, object?>("state", "quarantined")),
    ];

    /// <summary>The meter itself, for a listener or an exporter to find.</summary>
    public Meter Meter { get; }

    /// <summary>
    /// One file finished: its outcome, how long it took, and (when an AW320 was written) the days from the day it was
    /// received to the day its AW320 was written, both Amsterdam days. A file left alone (busy elsewhere, gone) is not a
    /// finished file and is not counted.
    /// </summary>
    public void RecordFile(FileOutcomeKind outcome, TimeSpan processing, DateOnly receivedOn, DateOnly? aw320WrittenOn)
    {
        if (OutcomeText(outcome) is not { } text)
        {
            return;
        }

        var tag = new KeyValuePair<string, object?>("outcome", text);
        _files.Add(1, tag);
        _duration.Record(Math.Max(0, processing.TotalSeconds), tag);
        if (aw320WrittenOn is { } written)
        {
            _receiptToAw320.Record(Math.Max(0, written.DayNumber - receivedOn.DayNumber));
        }
    }

    /// <summary>The lines of one file, counted by a <see cref="LineTally"/>.</summary>
    public void RecordLines(LineTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        RecordLines(tally.Approved, tally.RejectedByCode);
    }

    /// <summary>The lines of one file: how many were approved, and the rejected ones by their first retourcode.</summary>
    public void RecordLines(long approved, IReadOnlyDictionary<ushort, long> rejectedByFirstCode)
    {
        ArgumentNullException.ThrowIfNull(rejectedByFirstCode);
        ArgumentOutOfRangeException.ThrowIfNegative(approved);
        long rejected = 0;
        foreach (var (code, lines) in rejectedByFirstCode)
        {
            if (lines <= 0)
            {
                continue;
            }

            rejected += lines;
            _rejected.Add(lines, new KeyValuePair<string, object?>("retourcode", CodeText(code)));
        }

        if (approved > 0)
        {
            _approved.Add(approved);
        }

        if (approved + rejected > 0)
        {
            _lines.Add(approved + rejected);
            var now = _time.GetUtcNow();
            lock (_lastMinuteLock)
            {
                // Trimmed here too, so the window stays small when no listener reads it.
                while (_lastMinute.TryPeek(out var oldest) && oldest.At <= now - TimeSpan.FromMinutes(1))
                {
                    _lastMinute.Dequeue();
                }

                _lastMinute.Enqueue((now, approved + rejected));
            }
        }
    }

    /// <summary>Measures a file's processing: <c>var started = Stopwatch.GetTimestamp(); … metrics.RecordFile(o, Elapsed(started), …)</c>.</summary>
    public static TimeSpan Elapsed(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp);

    /// <summary>The <c>outcome</c> tag: the words of the metric's contract, which predate the kinds' names.</summary>
    private static string? OutcomeText(FileOutcomeKind outcome) => outcome switch
    {
        FileOutcomeKind.Processed => "processed",
        FileOutcomeKind.Rejected => "rejected",
        FileOutcomeKind.NotVektis => "quarantined",
        FileOutcomeKind.Reused => "duplicate",
        _ => null,
    };

    private static string CodeText(ushort code) => s_codeText.GetOrAdd(code, static c => new Retourcode(c).ToString());
}
