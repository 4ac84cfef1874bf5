using BenchmarkDotNet.Attributes;
using WlzMessaging.Adjudication;
using WlzMessaging.Generator;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Vektis;

namespace WlzMessaging.Benchmarks;

/// <summary>
/// The adjudicator alone: every record of a generated 999,999-line AW319 answered against reference data for 50,000+
/// clients and 300 providers. The records are located once in the setup, so the figure is the rules' cost per line, not
/// the reader's (CodecBenchmarks measures that). Issue 4 asks for 2,000,000 lines a second on one core and no allocation
/// per line. Both benchmarks count one operation per 04 line (OperationsPerInvoke), so Mean is the time of a line and
/// Allocated the bytes of a line: for <see cref="AnswerEveryLine"/> that is the adjudicator's in-file state, sized once per
/// file (nothing is allocated while lines are judged; ZeroAllocationTests proves it), for <see cref="Prepass"/> everything
/// the first pass allocates, the index it drops at the end included. The setup prints what stays: the prepass result's
/// bytes a line and the reference snapshot's bytes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AdjudicationBenchmarks
{
    private const int Lines = 999_999;

    private byte[] _file = [];
    private (int Offset, RecordType Type, long Number)[] _records = [];
    private ReferenceSnapshot _reference = ReferenceSnapshot.Empty;
    private FilePrepassResult _prepass = null!;
    private DateOnly _received;
    private int _prestaties;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = Lines, Seed = 4, Clients = 50_000, Providers = 300 });
        _file = generator.ToArray();
        _received = generator.EarliestReceivedDate;
        var directory = Directory.CreateTempSubdirectory("wlz-bench-reference-").FullName;
        try
        {
            generator.WriteReferenceData(directory);
            _reference = BuildMeasured(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        const int length = Aw319Layout.RecordLength + 2;
        var records = new List<(int, RecordType, long)>(_file.Length / length);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var prepass = new FilePrepass();
        for (var offset = 0; offset + length <= _file.Length; offset += length)
        {
            var bytes = _file.AsSpan(offset, Aw319Layout.RecordLength);
            var type = VektisRecord.TypeOf(bytes);
            var number = records.Count + 1;
            records.Add((offset, type, number));
            prepass.OnRecord(new VektisRecord(bytes, type, number, default, hasValidLength: true));
            if (type == RecordType.Prestatie)
            {
                _prestaties++;
            }
        }

        _prepass = prepass.Complete();
        prepass = null;
        var kept = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        Console.WriteLine($"// prepass result: {kept / (double)_prestaties:N1} B a line on the heap once the first pass is complete (GC.GetTotalMemory)");
        GC.KeepAlive(prepass);
        _records = [.. records];
        Console.WriteLine(
            $"// prepass result: {_prepass.Footprint / (double)_prestaties:N1} B a line kept for {_prestaties:N0} lines " +
            $"({_prepass.Referentienummers.Count:N0} references, {_prepass.DebitClientPrestaties.Count:N0} client-prestatie pairs)");

        // Every generated line is approved under its reference data; anything else would measure a different path.
        var approved = Run();
        if (approved != _prestaties)
        {
            throw new InvalidOperationException($"{approved} of {_prestaties} lines approved; the benchmark expects all");
        }
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public long AnswerEveryLine() => Run();

    /// <summary>
    /// Loads and builds the snapshot, printing what it holds: its rows (kept for what is not on the hot path) and its
    /// indexes, as the heap grew once the CSV parser's garbage and the loaded data set were gone.
    /// </summary>
    private static ReferenceSnapshot BuildMeasured(string directory)
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var set = ReferenceDataSet.Load(directory);
        if (!set.IsValid)
        {
            throw new InvalidOperationException("generated reference data is invalid: " + string.Join("; ", set.Problems.Take(3)));
        }

        var tables = set.ToTables();
        set = null;
        var rows = GC.GetTotalMemory(forceFullCollection: true) - start;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var snapshot = ReferenceSnapshot.Build(tables);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var mazRows = tables.Maz.Count;
        tables = null;
        var total = GC.GetTotalMemory(forceFullCollection: true) - start;
        Console.WriteLine(
            $"// snapshot: {mazRows:N0} MAZ rows; {total / 1e6:N1} MB on the heap with its rows ({rows / 1e6:N1} MB of rows as loaded), " +
            $"{(total - rows) / 1e6:N1} MB beyond them, of which the MAZ index {snapshot.MazIndexBytes / 1e6:N1} MB; " +
            $"the build allocated {allocated / 1e6:N1} MB");
        GC.KeepAlive(set);
        GC.KeepAlive(tables);
        return snapshot;
    }

    /// <summary>The first pass's part of the adjudicator over the same records: what it costs a line, in time and bytes.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int Prepass()
    {
        var prepass = new FilePrepass(Lines);
        foreach (var (offset, type, number) in _records)
        {
            prepass.OnRecord(new VektisRecord(_file.AsSpan(offset, Aw319Layout.RecordLength), type, number, default, hasValidLength: true));
        }

        return prepass.Complete().Lines;
    }

    private long Run()
    {
        var adjudicator = new Adjudicator(
            _reference, new DeclarationHistory(), _prepass, AdjudicationSettings.Default, _prepass.ContextFor(_received));
        long approved = 0;
        foreach (var (offset, type, number) in _records)
        {
            var record = new VektisRecord(_file.AsSpan(offset, Aw319Layout.RecordLength), type, number, default, hasValidLength: true);
            switch (type)
            {
                case RecordType.Verzekerde:
                    adjudicator.AnswerVerzekerde(record.AsVerzekerde());
                    break;
                case RecordType.Prestatie:
                    if (adjudicator.AnswerPrestatie(record.AsPrestatie()).IsApproved)
                    {
                        approved++;
                    }

                    break;
                case RecordType.Commentaar:
                    adjudicator.AnswerCommentaar(record.AsCommentaar());
                    break;
            }
        }

        return approved;
    }
}
