using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using WlzMessaging.Vektis;

namespace WlzMessaging.Benchmarks;

/// <summary>
/// The codec on a generated AW319 (seed 1): reading it from memory, from a stream, from a file in the page cache, answering
/// it with an AW320 (both passes), and the naive baseline on the same bytes. One operation reads the whole file.
/// </summary>
[Config(typeof(CodecConfig))]
public class CodecBenchmarks
{
    private readonly Totals _totals = new();
    private byte[] _bytes = [];
    private string _directory = "";
    private string _inputFile = "";
    private string _outputFile = "";
    private VektisReaderOptions _options = VektisReaderOptions.Default;
    private Aw320Header _header = Aw320Header.Create("BENCH", DateOnly.MinValue);
    private MemoryStream _output = new();
    private Aw319Size _expected;
    private VektisReadResult? _result;

    /// <summary>Lines (04 records) in the file: 100,000 (about 51 MB) and the largest file one AW319 can be (about 506 MB).</summary>
    [Params(100_000, Inputs.FullLines)]
    public int Lines { get; set; }

    /// <summary>Generates the file (in memory and on disk) and checks that the benchmark about to run does the work it claims.</summary>
    [GlobalSetup(Target = nameof(Baseline_StreamReader_Substring))]
    public void SetupBaseline()
    {
        Prepare();
        Baseline_StreamReader_Substring();
        Verify("baseline");
    }

    [GlobalSetup(Target = nameof(Read_Memory))]
    public void SetupReadMemory() => PrepareAndVerifyRead("memory", Read_Memory);

    [GlobalSetup(Target = nameof(Read_Memory_NoHandler))]
    public void SetupReadMemoryNoHandler()
    {
        Prepare();
        var records = Read_Memory_NoHandler().GetAwaiter().GetResult();
        if (records != _expected.Records || _result is not { IsRejected: false })
        {
            throw new InvalidOperationException($"reader only: {records} records, expected {_expected.Records}; {Faults()}");
        }
    }

    [GlobalSetup(Target = nameof(Read_MemoryStream))]
    public void SetupReadMemoryStream() => PrepareAndVerifyRead("stream", Read_MemoryStream);

    [GlobalSetup(Target = nameof(Read_File))]
    public void SetupReadFile() => PrepareAndVerifyRead("file", Read_File);

    [GlobalSetup(Target = nameof(Respond_Memory))]
    public void SetupRespondMemory()
    {
        Prepare();
        VerifyRespond("respond memory", Respond_Memory().GetAwaiter().GetResult(), _output.Length);
    }

    [GlobalSetup(Target = nameof(Respond_File))]
    public void SetupRespondFile()
    {
        Prepare();
        VerifyRespond("respond file", Respond_File().GetAwaiter().GetResult(), new FileInfo(_outputFile).Length);
    }

    private void Prepare()
    {
        var (bytes, generator) = Inputs.Generate(Lines);
        _bytes = bytes;
        _options = Inputs.ReaderOptions(generator);
        _header = Aw320Header.Create("WLZBENCH0001", generator.EarliestReceivedDate);
        _directory = Directory.CreateTempSubdirectory("wlz-bench-").FullName;
        _inputFile = Path.Combine(_directory, "aw319.txt");
        _outputFile = Path.Combine(_directory, "aw320.txt");
        File.WriteAllBytes(_inputFile, _bytes);
        var size = Inputs.SizeOf(Lines);
        _expected = new Aw319Size(size.Records, generator.ExpectedNetTotalCents, size.Records * (Aw320Layout.RecordLength + 2));
        _output = new MemoryStream(checked((int)_expected.AnswerBytes));
    }

    private void PrepareAndVerifyRead(string name, Func<Task<long>> read)
    {
        Prepare();
        read().GetAwaiter().GetResult();
        Verify(name);
    }

    // Every benchmark must do the work it claims: the counts and net total the generator planned, no faults.
    private void Verify(string name)
    {
        var t = _totals;
        var rejected = _result?.IsRejected ?? false;
        if (t.Records != _expected.Records || t.Lines != Lines || t.NetCents != _expected.NetCents || t.Faulty != 0 || t.BsnXor == 0 || rejected)
        {
            throw new InvalidOperationException(
                $"{name}: {t.Records} records, {t.Lines} lines, net {t.NetCents}, {t.Faulty} faulty; expected {_expected.Records}, {Lines}, {_expected.NetCents}, 0; {Faults()}");
        }
    }

    private void VerifyRespond(string name, long approved, long answerBytes)
    {
        if (approved != Lines || answerBytes != _expected.AnswerBytes)
        {
            throw new InvalidOperationException(
                $"{name}: {approved} of {Lines} lines approved, {answerBytes} bytes of AW320 (expected {_expected.AnswerBytes}); the benchmark would measure the wrong path; {Faults()}");
        }
    }

    private string Faults() => _result is null ? "" :
        _result.IsRejected ? "file rejected: " + string.Join(", ", _result.FileFaults.Select(f => $"{f.Code} at record {f.RecordNumber} ({f.Message})")) : "file accepted";

    private readonly record struct Aw319Size(long Records, long NetCents, long AnswerBytes);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_directory.Length > 0)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>What public parsers do: StreamReader.ReadLine, Substring and int.Parse per field, an object per record.</summary>
    [Benchmark(Baseline = true)]
    public long Baseline_StreamReader_Substring()
    {
        _totals.Reset();
        Baseline.Read(new MemoryStream(_bytes, writable: false), _totals);
        return _totals.Checksum;
    }

    /// <summary>A PipeReader over the bytes in memory (one segment), a struct handler touching key fields of each record.</summary>
    [Benchmark]
    public async Task<long> Read_Memory()
    {
        _totals.Reset();
        var pipe = PipeReader.Create(new ReadOnlySequence<byte>(_bytes));
        _result = await VektisReader.ReadAsync(pipe, new TouchHandler(_totals), _options);
        return _totals.Checksum;
    }

    /// <summary>As <see cref="Read_Memory"/> with a handler that does nothing: the reader's own cost (split, structure checks, totals).</summary>
    [Benchmark]
    public async Task<long> Read_Memory_NoHandler()
    {
        var pipe = PipeReader.Create(new ReadOnlySequence<byte>(_bytes));
        _result = await VektisReader.ReadAsync(pipe, default(NoopHandler), _options);
        return _result.Records;
    }

    /// <summary>The same bytes as a MemoryStream through the reader's stream overload (128 KiB pipe buffers; records straddle).</summary>
    [Benchmark]
    public async Task<long> Read_MemoryStream()
    {
        _totals.Reset();
        _result = await VektisReader.ReadAsync(new MemoryStream(_bytes, writable: false), new TouchHandler(_totals), _options);
        return _totals.Checksum;
    }

    /// <summary>The file on disk (in the page cache after the first read) through VektisReader.ReadFileAsync.</summary>
    [Benchmark]
    public async Task<long> Read_File()
    {
        _totals.Reset();
        _result = await VektisReader.ReadFileAsync(_inputFile, new TouchHandler(_totals), _options);
        return _totals.Checksum;
    }

    /// <summary>Both passes of answering: the structure pass, then Aw320Responder with StructuralAnswers into a reused MemoryStream.</summary>
    [Benchmark]
    public async Task<long> Respond_Memory()
    {
        var structure = _result = await VektisReader.ReadAsync(new MemoryStream(_bytes, writable: false), default(NoopHandler), _options);
        _output.SetLength(0);
        var summary = await Aw320Responder.WriteAsync(
            () => new MemoryStream(_bytes, writable: false), structure, new StructuralAnswers(), _output, _header, _options);
        return summary.Approved;
    }

    /// <summary>Both passes, file to file: the AW319 from the page cache, the AW320 written to a new file each time.</summary>
    [Benchmark]
    public async Task<long> Respond_File()
    {
        var structure = _result = await VektisReader.ReadFileAsync(_inputFile, default(NoopHandler), _options);
        var output = new FileStream(_outputFile, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        await using (output)
        {
            var summary = await Aw320Responder.WriteAsync(
                () => new FileStream(_inputFile, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous),
                structure, new StructuralAnswers(), output, _header, _options);
            return summary.Approved;
        }
    }
}
