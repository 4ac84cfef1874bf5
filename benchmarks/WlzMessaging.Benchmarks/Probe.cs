using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using WlzMessaging.Vektis;

namespace WlzMessaging.Benchmarks;

/// <summary>
/// A Stopwatch harness to see where the reader's time goes, for when BenchmarkDotNet's totals are not enough: the bare
/// line split, the handler's work without the reader, the reader with a handler that does nothing, handler kinds, and
/// the paths the benchmarks measure. Best of N runs, by wall clock and by process CPU time; allocation from
/// GC.GetTotalAllocatedBytes.
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

        var header = Aw320Header.Create("WLZBENCH0001", generator.EarliestReceivedDate);
        using var output = new MemoryStream(checked((int)(size.Records * (Aw320Layout.RecordLength + 2))));
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
            ("respond memory (both passes)", async () => await Respond(bytes, options, header, output)),
            ("respond file, async output (both passes)", async () => await RespondFile(file, options, header, FileOptions.Asynchronous)),
            ("respond file, sync output (both passes)", async () => await RespondFile(file, options, header, FileOptions.None)),
            ("baseline StreamReader+Substring", () => { Baseline.Read(new MemoryStream(bytes, false), totals); return ValueTask.CompletedTask; }),
        };

        foreach (var (name, run) in cases)
        {
            if (filter.Length > 0 && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var best = double.MaxValue;
            var bestCpu = double.MaxValue;
            long allocated = 0;
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < repetitions + 1; i++)
            {
                totals.Reset();
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await run();
                var seconds = watch.Elapsed.TotalSeconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (i > 0)
                {
                    best = Math.Min(best, seconds);
                    bestCpu = Math.Min(bestCpu, cpu);
                }
            }

            // Wall-clock time suffers when other processes take the core; process CPU time (user + system, all threads)
            // does not, so on a busy machine it is the steadier figure for comparing variants.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-55} {best * 1000,8:N1} ms {bytes.Length / 1e6 / best,7:N0} MB/s {best * 1e9 / size.Records,5:N0} ns/rec | cpu {bestCpu * 1000,7:N1} ms {bytes.Length / 1e6 / bestCpu,7:N0} MB/s {bestCpu * 1e9 / size.Records,5:N0} ns/rec | alloc {allocated,13:N0} B"));
        }

        File.Delete(file);
        File.Delete(file + ".aw320");
    }

    private static async Task Respond(byte[] bytes, VektisReaderOptions options, Aw320Header header, MemoryStream output)
    {
        var structure = await VektisReader.ReadAsync(new MemoryStream(bytes, writable: false), default(NoopHandler), options);
        output.SetLength(0);
        await Aw320Responder.WriteAsync(() => new MemoryStream(bytes, writable: false), structure, new StructuralAnswers(), output, header, options);
    }

    private static async Task RespondFile(string file, VektisReaderOptions options, Aw320Header header, FileOptions outputOptions)
    {
        var structure = await VektisReader.ReadFileAsync(file, default(NoopHandler), options);
        var output = new FileStream(file + ".aw320", FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, outputOptions);
        await using (output)
        {
            await Aw320Responder.WriteAsync(
                () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous),
                structure, new StructuralAnswers(), output, header, options);
        }
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
