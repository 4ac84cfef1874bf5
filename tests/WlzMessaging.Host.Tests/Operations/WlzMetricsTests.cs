using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Ingestion.Worker;
using WlzMessaging.Operations;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Operations;

public sealed class WlzMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly WorkerActivity _activity = new("/srv/wlz/inbox", TimeSpan.FromSeconds(10));
    private long _inbox = 17;
    private WlzMetrics? _metrics;

    public WlzMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WlzMetrics.MeterName && ReferenceEquals(instrument.Meter, _metrics?.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
    }

    private WlzMetrics Metrics
    {
        get
        {
            if (_metrics is null)
            {
                _metrics = new WlzMetrics(_services.GetRequiredService<IMeterFactory>(), () => Interlocked.Read(ref _inbox), _activity.Counts, _time);
                _listener.Start();
            }

            return _metrics;
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, dictionary));
        }
    }

    private double Sum(string instrument, string? tag = null, object? value = null) =>
        _measurements.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).Sum(m => m.Value);

    [Fact]
    public void The_meter_is_named_WlzMessaging_and_its_instruments_are_lowercase_dotted()
    {
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, _metrics?.Meter))
                {
                    names.Add(instrument.Name);
                }
            },
        };
        _ = Metrics;
        listener.Start();

        Assert.Equal("WlzMessaging", Metrics.Meter.Name);
        Assert.Equal(
            [
                "wlz.file.processing.duration", "wlz.file.receipt_to_aw320", "wlz.files.processed", "wlz.inbox.depth", "wlz.lines.approved",
                "wlz.lines.per_minute", "wlz.lines.processed", "wlz.lines.rejected", "wlz.mailbox.files",
            ],
            names.Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.Matches("^[a-z0-9_]+(\\.[a-z0-9_]+)+$", n));
    }

    [Fact]
    public void A_file_counts_once_with_its_outcome_duration_and_days_to_its_AW320()
    {
        Metrics.RecordFile(FileOutcomeKind.Processed, TimeSpan.FromMilliseconds(2500), new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 8));
        Metrics.RecordFile(FileOutcomeKind.NotVektis, TimeSpan.FromMilliseconds(10), new DateOnly(2025, 3, 3), null);

        Assert.Equal(1, Sum("wlz.files.processed", "outcome", "processed"));
        Assert.Equal(1, Sum("wlz.files.processed", "outcome", "quarantined"));
        Assert.Equal(2.5, Sum("wlz.file.processing.duration", "outcome", "processed"));
        Assert.Equal([5.0], _measurements.Where(m => m.Instrument == "wlz.file.receipt_to_aw320").Select(m => m.Value));
    }

    [Fact]
    public void The_lines_of_a_file_count_in_one_call_with_rejections_by_first_retourcode()
    {
        var tally = new LineTally();
        for (var i = 0; i < 1000; i++)
        {
            tally.Add(new RetourcodeSet(Retourcodes.VolledigToegewezen));
        }

        var twoCodes = new RetourcodeSet(Retourcodes.GeenMaz);
        twoCodes.Add(Retourcodes.TariefOnjuist);
        for (var i = 0; i < 30; i++)
        {
            tally.Add(twoCodes);
        }

        tally.Add(new RetourcodeSet(Retourcodes.NietConformProductieafspraak));

        Metrics.RecordLines(tally);

        Assert.Equal(1031, Sum("wlz.lines.processed"));
        Assert.Equal(1000, Sum("wlz.lines.approved"));
        Assert.Equal(31, Sum("wlz.lines.rejected"));
        Assert.Equal(30, Sum("wlz.lines.rejected", "retourcode", "8290"));
        Assert.Equal(1, Sum("wlz.lines.rejected", "retourcode", "8226"));
        Assert.Equal(0, Sum("wlz.lines.rejected", "retourcode", "0611"));
        Assert.Equal(4, _measurements.Count(m => m.Instrument != "wlz.lines.per_minute")); // processed, approved and one per code: per file, not per line
    }

    [Fact]
    public void A_tally_is_reused_after_clear()
    {
        var tally = new LineTally();
        tally.AddApproved(5);
        tally.AddRejected(Retourcodes.GeenMaz, 2);
        Assert.Equal((7L, 5L, 2L), (tally.Lines, tally.Approved, tally.Rejected));

        tally.Clear();

        Assert.Equal(0, tally.Lines);
        Assert.Empty(tally.RejectedByCode);
    }

    [Fact]
    public void The_inbox_gauge_reads_its_callback_when_collected()
    {
        _ = Metrics;
        _listener.RecordObservableInstruments();
        Interlocked.Exchange(ref _inbox, 3);
        _listener.RecordObservableInstruments();

        Assert.Equal([17.0, 3.0], _measurements.Where(m => m.Instrument == "wlz.inbox.depth").Select(m => m.Value));
    }

    [Fact]
    public void Lines_per_minute_are_those_of_the_last_60_seconds_not_an_hour_s_average()
    {
        Metrics.RecordLines(1_000, new Dictionary<ushort, long>());
        _time.Advance(TimeSpan.FromSeconds(30));
        Metrics.RecordLines(200, new Dictionary<ushort, long> { [8290] = 50 });
        Assert.Equal(1_250, Metrics.LinesInLastMinute());

        _time.Advance(TimeSpan.FromSeconds(31)); // the first file's lines are older than a minute now
        _listener.RecordObservableInstruments();
        Assert.Equal([250.0], _measurements.Where(m => m.Instrument == "wlz.lines.per_minute").Select(m => m.Value));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, Metrics.LinesInLastMinute());
    }

    [Fact]
    public void The_mailbox_gauge_reports_the_worker_s_files_by_state()
    {
        _activity.InboxDepth(3);
        _activity.Processing("a.asc");
        _activity.Finished("a.asc", FileOutcomeKind.Processed);
        _activity.Processing("b.asc");
        _activity.Finished("b.asc", FileOutcomeKind.NotVektis);
        _activity.Processing("c.asc");

        _ = Metrics;
        _listener.RecordObservableInstruments();

        double State(string state) => Sum("wlz.mailbox.files", "state", state);
        Assert.Equal((0.0, 1.0, 1.0, 1.0), (State("waiting"), State("in_hand"), State("answered"), State("quarantined")));
    }
}
