using System.Diagnostics;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using WlzMessaging.Generator;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Benchmarks.CsvParse;

/// <summary>
/// <c>csv-parse [rows] [rounds]</c>: the A/B of reading maz.csv with the hand-written reader (<see cref="LegacyMazCsv"/>)
/// and with Sep (<see cref="ReferenceCsv.Maz"/>), in one process, rounds alternating old and new after one warm-up of each.
/// The file is the maz.csv the generator writes for <c>wlz generate --out f.aw319 --lines 1000 --seed 1 --clients ROWS --reference-out
/// DIR</c>, one row per client, held in memory so that the disk is no part of it; both parse it from bytes as an import
/// does (Parse(Stream)). A second pair times the reading alone (lines split into fields, no checks), the part Sep replaced:
/// the checks of each field, the rows kept and the duplicate-key check are the same code on both sides of the first pair. Before timing, both must give the same rows and the same problems, on the file and on a copy
/// with broken lines of every kind.
/// </summary>
/// <remarks>
/// Figures per row, median of the rounds: wall clock (Stopwatch), CPU (process user + system, all threads, so GC work
/// counts) and bytes allocated (GC.GetTotalAllocatedBytes, precise). Allocation includes what both sides keep alike: the
/// MazRow objects, the row list and the result array.
/// </remarks>
public static class CsvParseComparison
{
    public static void Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var bytes = GenerateMaz(rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"maz.csv: {rows:N0} rows, {bytes.Length / 1e6:N1} MB (as wlz generate --out f.aw319 --lines 1000 --seed 1 --clients {rows} --reference-out DIR)"));

        var good = SameOutcome(bytes, "the generated file");
        if (!good.IsValid || good.RowCount != rows)
        {
            throw new InvalidOperationException($"the generated maz.csv gave {good.RowCount} rows and {good.ProblemCount} problems");
        }

        var broken = SameOutcome(Break(bytes, every: 997), "the file with broken lines");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"same rows and problems: the file ({good.RowCount:N0} rows); the broken copy ({broken.ProblemCount:N0} problems)"));

        var splitOld = LegacyMazCsv.SplitOnly(new MemoryStream(bytes, writable: false));
        var splitSep = SepSplitOnly(new MemoryStream(bytes, writable: false));
        if (splitOld != splitSep)
        {
            throw new InvalidOperationException($"the split-only readers differ: {splitOld} vs {splitSep} characters of fields");
        }

        var cases = new (string Name, Func<Stream, object> Parse)[]
        {
            ("parse, old", s => LegacyMazCsv.Parse(s)),
            ("parse, new (Sep)", s => ReferenceCsv.Maz.Parse(s)),
            ("split only, old", s => LegacyMazCsv.SplitOnly(s)),
            ("split only, new", s => SepSplitOnly(s)),
        };
        var samples = cases.Select(_ => new List<Sample>()).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var sample = Measure(bytes, cases[i].Parse);
                if (round > 0)
                {
                    samples[i].Add(sample); // round 0 is the warm-up (JIT, tiering)
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {rounds} rounds, old and new alternating; per row: wall ns, CPU ns, allocated bytes"));
        Console.WriteLine($"{"",-20} {"wall ms",9} {"CPU ms",9} {"wall ns/row",12} {"CPU ns/row",11} {"alloc B/row",12}");
        var medians = samples.Select(Sample.Median).ToArray();
        for (var i = 0; i < cases.Length; i++)
        {
            var m = medians[i];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cases[i].Name,-20} {m.Wall * 1e3,9:N1} {m.Cpu * 1e3,9:N1} {m.Wall * 1e9 / rows,12:N1} {m.Cpu * 1e9 / rows,11:N1} {(double)m.Allocated / rows,12:N1}"));
        }

        for (var i = 0; i < cases.Length; i += 2)
        {
            var (old, sep) = (medians[i], medians[i + 1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cases[i].Name[..cases[i].Name.IndexOf(',', StringComparison.Ordinal)]} old/new: wall {old.Wall / sep.Wall:N2}x, CPU {old.Cpu / sep.Cpu:N2}x, allocated {Allocated(old, sep, rows)}"));
        }
    }

    // A ratio, unless the new side allocates (next to) nothing per row: then the bytes, a ratio of thousands says less.
    private static string Allocated(Sample old, Sample sep, int rows) =>
        sep.Allocated >= rows
            ? string.Create(CultureInfo.InvariantCulture, $"{(double)old.Allocated / sep.Allocated:N2}x")
            : string.Create(CultureInfo.InvariantCulture, $"{old.Allocated / rows:N0} B/row vs {sep.Allocated:N0} B in all");

    // The reading alone with Sep as ReferenceCsvParser sets it up (options copied from there): fields split, no checks.
    private static readonly SepReaderOptions s_sep = new(new Sep(';'))
    {
        HasHeader = false,
        DisableColCountCheck = true,
        DisableQuotesParsing = true,
    };

    private static long SepSplitOnly(Stream stream)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        using var reader = s_sep.From(new LineLengthLimit(text, ReferenceCsvParser<MazRow>.MaxLineLength));
        long length = 0;
        reader.MoveNext();
        while (reader.MoveNext())
        {
            var row = reader.Current;
            for (var c = 0; c < row.ColCount; c++)
            {
                length += row[c].Span.Length;
            }
        }

        return length;
    }

    private static byte[] GenerateMaz(int rows)
    {
        var directory = Directory.CreateTempSubdirectory("wlz-bench-maz-").FullName;
        try
        {
            new Aw319Generator(new Aw319GeneratorOptions { Lines = 1000, Seed = 1, Clients = rows }).WriteReferenceData(directory);
            return File.ReadAllBytes(Path.Combine(directory, "maz.csv"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Parses with both; throws unless they agree on validity, rows and problems. Returns the new result.</summary>
    private static IReferenceFileResult SameOutcome(byte[] bytes, string what)
    {
        var old = LegacyMazCsv.Parse(new MemoryStream(bytes, writable: false));
        var sep = ReferenceCsv.Maz.Parse(new MemoryStream(bytes, writable: false));
        if (old.IsValid != sep.IsValid || old.ProblemCount != sep.ProblemCount || !old.Rows.SequenceEqual(sep.Rows)
            || !old.Problems.SequenceEqual(sep.Problems))
        {
            var firstOld = string.Join(" | ", old.Problems.Take(3));
            var firstSep = string.Join(" | ", sep.Problems.Take(3));
            throw new InvalidOperationException(
                $"old and new differ on {what}: {old.RowCount} vs {sep.RowCount} rows, {old.ProblemCount} vs {sep.ProblemCount} problems; old: {firstOld}; new: {firstSep}");
        }

        return sep;
    }

    /// <summary>
    /// The file with one line in <paramref name="every"/> replaced, in turn, by each kind of bad line: empty, a field too
    /// many or too few, a bad BSN, a date of the wrong shape, an end before the begin, a line over the limit, bytes that
    /// are not UTF-8, a quote, a lone CR inside the line, a duplicate of the line before.
    /// </summary>
    private static byte[] Break(byte[] bytes, int every)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var output = new MemoryStream();
        var kind = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > 1 && i % every == 0 && line.Length > 0)
            {
                var fields = line.Split(';');
                line = (kind++ % 11) switch
                {
                    0 => "",
                    1 => line + ";x",
                    2 => string.Join(';', fields[..3]),
                    3 => "123456789;" + string.Join(';', fields[1..]),
                    4 => $"{fields[0]};{fields[1]};2026-1-01;{fields[3]}",
                    5 => $"{fields[0]};{fields[1]};2026-06-01;2026-05-31",
                    6 => line + new string('x', ReferenceCsvParser<MazRow>.MaxLineLength),
                    7 => "\uFFFD",
                    8 => $"\"{fields[0]}\";{fields[1]};{fields[2]};{fields[3]}",
                    9 => $"{fields[0]};{fields[1]}\r;{fields[2]};{fields[3]}",
                    _ => lines[i - 1],
                };
            }

            var encoded = Encoding.UTF8.GetBytes(line);
            if (line == "\uFFFD")
            {
                encoded = [0xF6, (byte)'x']; // a Latin-1 ö: not UTF-8
            }

            output.Write(encoded);
            if (i < lines.Length - 1)
            {
                output.WriteByte((byte)'\n');
            }
        }

        return output.ToArray();
    }

    private static Sample Measure(byte[] bytes, Func<Stream, object> parse)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = parse(new MemoryStream(bytes, writable: false));
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        GC.KeepAlive(result);
        return new Sample(wall, cpu, allocated);
    }

    private readonly record struct Sample(double Wall, double Cpu, long Allocated)
    {
        public static Sample Median(List<Sample> samples) => new(
            samples.Select(s => s.Wall).Order().ElementAt(samples.Count / 2),
            samples.Select(s => s.Cpu).Order().ElementAt(samples.Count / 2),
            samples.Select(s => s.Allocated).Order().ElementAt(samples.Count / 2));
    }
}
