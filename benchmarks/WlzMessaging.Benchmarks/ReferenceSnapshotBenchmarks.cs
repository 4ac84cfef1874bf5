using BenchmarkDotNet.Attributes;
using WlzMessaging.Generator;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Vektis;

namespace WlzMessaging.Benchmarks;

/// <summary>
/// The reference look-ups adjudication makes for each declaration line, against a snapshot built from the reference data
/// the generator writes for its file (under which every line is approved): provider, koppeltabel version over the line's
/// period, tariff in force, MAZ coverage. The keys come from the 04 records of a 100,000-line file; Mean is per line.
/// </summary>
[Config(typeof(CodecConfig))]
public class ReferenceSnapshotBenchmarks
{
    private const int LineCount = 100_000;

    private ReferenceSnapshot _snapshot = ReferenceSnapshot.Empty;
    private LineKey[] _keys = [];
    private DateOnly _received;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new Aw319Generator(Inputs.Options(LineCount));
        var directory = Directory.CreateTempSubdirectory("wlz-bench-ref-").FullName;
        try
        {
            generator.WriteReferenceData(directory);
            _snapshot = ReferenceSnapshot.Build(ReferenceDataSet.Load(directory).ToTables());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        _received = generator.EarliestReceivedDate;
        var collector = new KeyCollector();
        VektisReader.ReadAsync(new MemoryStream(generator.ToArray()), collector, Inputs.ReaderOptions(generator)).AsTask().GetAwaiter().GetResult();
        _keys = [.. collector.Keys];
        if (_keys.Length != LineCount || LookUpAll() != LineCount * 4L)
        {
            throw new InvalidOperationException($"of {_keys.Length} lines, not every look-up found what the generator's reference data promises");
        }
    }

    /// <summary>All four look-ups for every line; returns how many found what they looked for.</summary>
    [Benchmark(OperationsPerInvoke = LineCount)]
    public long LookUpAll()
    {
        var snapshot = _snapshot;
        var received = _received;
        long found = 0;
        foreach (ref readonly var key in _keys.AsSpan())
        {
            found += snapshot.TryGetProvider(key.Agb, out _) ? 1 : 0;
            found += snapshot.TryGetKoppeling(key.Code, key.Begin, key.End, out _) ? 1 : 0;
            found += snapshot.FindTarief(key.Agb, key.Begin.Year, key.Code, received, out _) == TariefStatus.InForce ? 1 : 0;
            found += snapshot.CheckMaz(key.Bsn, key.Agb, key.Begin, key.End) == MazCoverage.Whole ? 1 : 0;
        }

        return found;
    }

    private readonly record struct LineKey(int Bsn, int Agb, PrestatieCode Code, DateOnly Begin, DateOnly End);

    private sealed class KeyCollector : IVektisRecordHandler
    {
        public List<LineKey> Keys { get; } = [];

        public void OnRecord(in VektisRecord record)
        {
            if (record.Type == RecordType.Prestatie)
            {
                var line = record.AsPrestatie();
                Keys.Add(new LineKey(line.Bsn, line.ZorgverlenerscodeBehandelaar, PrestatieCode.FromAscii(line.Prestatiecode),
                    line.BegindatumPrestatie ?? default, line.EinddatumPrestatie ?? default));
            }
        }
    }
}
