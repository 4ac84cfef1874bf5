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
/// per line: read the Mean as time per line (OperationsPerInvoke) and Allocated as bytes per file.
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
            var set = ReferenceDataSet.Load(directory);
            if (!set.IsValid)
            {
                throw new InvalidOperationException("generated reference data is invalid: " + string.Join("; ", set.Problems.Take(3)));
            }

            _reference = ReferenceSnapshot.Build(set.ToTables());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        const int length = Aw319Layout.RecordLength + 2;
        var records = new List<(int, RecordType, long)>(_file.Length / length);
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

        _records = [.. records];
        _prepass = prepass.Complete();

        // Every generated line is approved under its reference data; anything else would measure a different path.
        var approved = Run();
        if (approved != _prestaties)
        {
            throw new InvalidOperationException($"{approved} of {_prestaties} lines approved; the benchmark expects all");
        }
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public long AnswerEveryLine() => Run();

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
