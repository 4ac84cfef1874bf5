using System.Globalization;

namespace WlzMessaging.Host.Cli;

/// <summary>How a <see cref="ProgressLine"/> shows itself.</summary>
public enum ProgressMode
{
    /// <summary><c>--quiet</c>: nothing.</summary>
    Off,

    /// <summary>Standard error is a terminal: one line rewritten in place a few times a second, cleared at the end.</summary>
    Live,

    /// <summary>Standard error goes to a log or a pipe: a full line every few seconds.</summary>
    Log,
}

/// <summary>
/// Progress of long work on standard error: lines done (of how many), lines per second and the time still to go. Nothing
/// shows during the first two seconds, so a short command prints nothing extra; then a live line on a terminal or a line
/// every five seconds in a log. Work of unknown size shows how long it has been going. Thread-safe: the work calls
/// <see cref="Advance"/> from wherever it runs; a timer of the given clock draws.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LiveEvery = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    private readonly TextWriter _error;
    private readonly string _what;
    private readonly string _unit;
    private readonly long? _total;
    private readonly ProgressMode _mode;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly ITimer? _timer;
    private readonly Lock _drawing = new();
    private long _done;
    private int _liveWidth;
    private bool _disposed;

    public ProgressLine(TextWriter error, string what, long? total, ProgressMode mode, TimeProvider? clock = null, string unit = "lines")
    {
        _error = error;
        _what = what;
        _unit = unit;
        _total = total;
        _mode = mode;
        _clock = clock ?? TimeProvider.System;
        _started = _clock.GetTimestamp();
        if (mode != ProgressMode.Off)
        {
            var every = mode == ProgressMode.Live ? LiveEvery : LogEvery;
            _timer = _clock.CreateTimer(_ => Draw(), null, Quiet, every);
        }
    }

    /// <summary>A command's progress on its console's standard error: off with <c>--quiet</c>, else as the console says.</summary>
    public static ProgressLine Start(CommandArguments args, CliConsole console, string what, long? total, string unit = "lines") =>
        new(console.Error, what, total, args.Quiet ? ProgressMode.Off : console.Progress, unit: unit);

    public long Done => Interlocked.Read(ref _done);

    public void Advance(long lines) => Interlocked.Add(ref _done, lines);

    /// <summary>The lines done so far, when the work counts them itself.</summary>
    public void Set(long lines) => Interlocked.Exchange(ref _done, lines);

    /// <summary>The text of the line as it stands: "what: 412,000 of 1,000,000 lines, 85,000 lines/s, ETA 0:07".</summary>
    public string Text()
    {
        var elapsed = _clock.GetElapsedTime(_started);
        var done = Done;
        var inv = CultureInfo.InvariantCulture;
        if (_total is not { } total)
        {
            return string.Create(inv, $"{_what}: {(done > 0 ? $"{done:N0} {_unit}, " : "")}working for {Clock(elapsed)}");
        }

        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var eta = rate > 0 ? Clock(TimeSpan.FromSeconds(Math.Max(0, total - done) / rate)) : "?";
        return string.Create(inv, $"{_what}: {done:N0} of {total:N0} {_unit}, {rate:N0} {_unit}/s, ETA {eta}");
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_drawing)
        {
            _disposed = true;
            if (_mode == ProgressMode.Live && _liveWidth > 0)
            {
                _error.Write("\r" + new string(' ', _liveWidth) + "\r");
                _error.Flush();
            }
        }
    }

    private void Draw()
    {
        lock (_drawing)
        {
            if (_disposed)
            {
                return;
            }

            var text = Text();
            if (_mode == ProgressMode.Live)
            {
                _error.Write("\r" + text.PadRight(_liveWidth));
                _liveWidth = Math.Max(_liveWidth, text.Length);
            }
            else
            {
                _error.WriteLine(text);
            }

            _error.Flush();
        }
    }

    private static string Clock(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
