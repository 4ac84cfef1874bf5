using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using WlzMessaging.Vektis;

namespace WlzMessaging.Benchmarks;

/// <summary>
/// A Stopwatch harness to see where the reader's time goes, for when BenchmarkDotNet's totals are not enough: the bare
/// line split, the handler's work without the reader, the reader with a handler that does nothing, handler kinds, and
/// the paths the benchmarks measure. Best of N runs; allocation from GC.GetTotalAllocatedBytes.
/// Not a substitute for the BenchmarkDotNet figures: no isolation, no statistics.
/// </summary>
public static class Probe
{
    public static async Task RunAsync(string[] args)
    {
        var lines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Inputs.FullLines;
        var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var filter = args.Length > 2 ? args[2] : "";
        var (bytes, generator) = Inputs.Generate(lines);
        var options = Inputs.ReaderOptions(generator);
        var totals = new Totals();
        var size = Inputs.SizeOf(lines);
        var file = Path.Combine(Path.GetTempPath(), $"wlz-probe-{lines}.txt");
        await File.WriteAllBytesAsync(file, bytes);
        Console.WriteLine($"{lines:N0} lines, {size.Records:N0} records, {bytes.Length / 1e6:N1} MB; best of {repetitions}");

        var cases = new (string Name, Func<ValueTask> Run)[]
        {
            ("split only (IndexOf LF per line)", () => { SplitOnly(bytes, totals); return ValueTask.CompletedTask; }),
            ("split + Touch, no reader", () => { SplitAndTouch(bytes, totals); return ValueTask.CompletedTask; }),
            ("reader memory, no-op handler", async () => await VektisReader.ReadAsync(PipeReader.Create(new ReadOnlySequence<byte>(bytes)), default(NoopHandler), options)),
            ("reader memory, Touch struct", async () => await VektisReader.ReadAsync(PipeReader.Create(new ReadOnlySequence<byte>(bytes)), new TouchHandler(totals), options)),
            ("reader memory, Touch class", async () => await VektisReader.ReadAsync(PipeReader.Create(new ReadOnlySequence<byte>(bytes)), new TouchClassHandler(totals), options)),
            ("reader MemoryStream, Touch struct", async () => await VektisReader.ReadAsync(new MemoryStream(bytes, false), new TouchHandler(totals), options)),
            ("reader MemoryStream, struct w/ default AfterBatchAsync", async () => await VektisReader.ReadAsync(new MemoryStream(bytes, false), new TouchDefaultBatchHandler(totals), options)),
            ("reader file, Touch struct", async () => await VektisReader.ReadFileAsync(file, new TouchHandler(totals), options)),
            ("baseline StreamReader+Substring", () => { Baseline.Read(new MemoryStream(bytes, false), totals); return ValueTask.CompletedTask; }),
        };

        foreach (var (name, run) in cases)
        {
            if (filter.Length > 0 && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var best = double.MaxValue;
            long allocated = 0;
            for (var i = 0; i < repetitions + 1; i++)
            {
                totals.Reset();
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                await run();
                var seconds = watch.Elapsed.TotalSeconds;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (i > 0)
                {
                    best = Math.Min(best, seconds);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-55} {best * 1000,8:N1} ms {bytes.Length / 1e6 / best,8:N0} MB/s {size.Records / best / 1e6,6:N2} M rec/s {best * 1e9 / size.Records,6:N0} ns/rec  alloc {allocated,12:N0} B"));
        }

        File.Delete(file);
    }

    private static void SplitOnly(ReadOnlySpan<byte> bytes, Totals totals)
    {
        while (!bytes.IsEmpty)
        {
            var lf = bytes.IndexOf((byte)'\n');
            if (lf < 0)
            {
                break;
            }

            totals.Records++;
            bytes = bytes[(lf + 1)..];
        }
    }

    private static void SplitAndTouch(ReadOnlySpan<byte> bytes, Totals totals)
    {
        long n = 0;
        while (!bytes.IsEmpty)
        {
            var lf = bytes.IndexOf((byte)'\n');
            if (lf < 0)
            {
                break;
            }

            var record = bytes[..(lf - 1)];
            totals.Touch(new VektisRecord(record, VektisRecord.TypeOf(record), ++n, default, true));
            bytes = bytes[(lf + 1)..];
        }
    }
}
