using BenchmarkDotNet.Running;
using WlzMessaging.Benchmarks;
using WlzMessaging.Benchmarks.CsvParse;

// `probe [lines] [repetitions]`: a quick Stopwatch harness that splits the reader's time into its parts (see Probe.cs).
// Anything else goes to BenchmarkDotNet: --filter '*Codec*', --job short, -j Dry, --list flat, ...
if (args.Length > 0 && args[0] == "probe")
{
    await Probe.RunAsync(args.Skip(1).ToArray());
    return;
}

// `csv-parse [rows] [rounds]`: maz.csv read by the pre-Sep reader and by Sep, A/B in one run (benchmarks/reference/csv-parse.sh).
if (args.Length > 0 && args[0] == "csv-parse")
{
    CsvParseComparison.Run(args.Skip(1).ToArray());
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarks).Assembly).Run(args);
