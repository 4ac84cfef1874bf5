using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests.Reader;

/// <summary>
/// How the reader meets its input: in pieces that cut records anywhere, at length, and without end. Same records out
/// whatever the pieces; no allocation per record; memory bounded by the line limit, not by the input.
/// </summary>
public sealed class ReaderStreamingTests
{
    private static readonly DateOnly s_jan1 = new(2025, 1, 1);
    private static readonly DateOnly s_jan31 = new(2025, 1, 31);

    public static TheoryData<int> ChunkSizes() => [1, 7, 311, 312, 4096];

    /// <summary>A valid file, then the same with faults of every kind, so both clean and faulty paths are cut up.</summary>
    private static IEnumerable<byte[]> Files()
    {
        yield return Aw319FileBuilder.Standard().ToBytes();
        var faulty = Aw319FileBuilder.Standard().Edit(7, r => r.Raw(Aw319Layout.Prestatie.Aantal, "00 1"));
        var bytes = faulty.ToBytes();
        bytes[(2 * 312) - 2] = (byte)' '; // record 2 ends in " \n": 8095 and 0804
        yield return [.. bytes[..(5 * 312)], .. "\r\n"u8, .. Enumerable.Repeat((byte)'z', 9000), .. "\r\n"u8, .. bytes[(5 * 312)..^2]];
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task A_file_fed_in_small_pieces_through_a_stream_gives_the_same_records(int chunk)
    {
        foreach (var file in Files())
        {
            var whole = await Reading.ReadAsync(file);
            var collector = new RecordCollector();
            var options = Reading.Options with { BufferSize = 4096 };
            var result = await VektisReader.ReadAsync(new ChunkedStream(file, chunk), collector, options);

            AssertSame(whole, new ReadOutcome(result, collector.Records));
        }
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task A_file_written_into_a_pipe_in_small_pieces_gives_the_same_records(int chunk)
    {
        foreach (var file in Files())
        {
            var whole = await Reading.ReadAsync(file);
            var pipe = new Pipe();
            var writing = Task.Run(async () =>
            {
                for (var offset = 0; offset < file.Length; offset += chunk)
                {
                    await pipe.Writer.WriteAsync(file.AsMemory(offset, Math.Min(chunk, file.Length - offset)));
                }

                await pipe.Writer.CompleteAsync();
            });
            var collector = new RecordCollector();
            var result = await VektisReader.ReadAsync(pipe.Reader, collector, Reading.Options);
            await writing;

            AssertSame(whole, new ReadOutcome(result, collector.Records));
        }
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task A_file_in_a_sequence_of_small_segments_gives_the_same_records(int size)
    {
        foreach (var file in Files())
        {
            var whole = await Reading.ReadAsync(file);
            var collector = new RecordCollector();
            var result = await VektisReader.ReadAsync(PipeReader.Create(Segmented.Of(file, size)), collector, Reading.Options);

            AssertSame(whole, new ReadOutcome(result, collector.Records));
        }
    }

    [Fact]
    public async Task A_file_cut_into_segments_of_random_lengths_gives_the_same_records_every_time()
    {
        var random = new Random(319);
        foreach (var file in Files())
        {
            var whole = await Reading.ReadAsync(file);
            for (var i = 0; i < 300; i++)
            {
                // Mostly short pieces, so line ends, CRs and the limit of a runaway line fall on every kind of border.
                var sizes = Enumerable.Range(0, file.Length).Select(_ => random.Next(4) == 0 ? random.Next(1, 5000) : random.Next(1, 16)).ToList();
                var collector = new RecordCollector();
                var result = await VektisReader.ReadAsync(PipeReader.Create(Segmented.Of(file, sizes)), collector, Reading.Options);

                AssertSame(whole, new ReadOutcome(result, collector.Records));
            }
        }
    }

    [Fact]
    public async Task Reading_ten_times_as_many_records_allocates_next_to_nothing_more()
    {
        // 4 KiB segments: about one record in thirteen straddles two segments and takes the copying path.
        var small = Segmented.Of(LargeFile(2_000), 4096);
        var large = Segmented.Of(LargeFile(20_000), 4096);
        await MeasureAsync(large); // warm up both: JIT, statics, pools
        await MeasureAsync(small);

        var (smallBytes, smallRecords) = await MeasureAsync(small);
        var (largeBytes, largeRecords) = await MeasureAsync(large);

        Assert.True(largeRecords > 20_000 && smallRecords > 2_000, $"{smallRecords} and {largeRecords} records");
        Assert.True(largeBytes - smallBytes < 1024, $"{smallBytes} bytes for {smallRecords} records, {largeBytes} for {largeRecords}");
    }

    [Fact]
    public async Task Reading_ten_times_as_many_records_from_a_stream_allocates_next_to_nothing_more()
    {
        var small = LargeFile(2_000);
        var large = LargeFile(20_000);
        await MeasureStreamAsync(large);
        await MeasureStreamAsync(small);

        var smallBytes = await MeasureStreamAsync(small);
        var largeBytes = await MeasureStreamAsync(large);

        Assert.True(largeBytes - smallBytes < 16 * 1024, $"{smallBytes} bytes for the small file, {largeBytes} for the large one");
    }

    [Fact]
    public async Task A_line_of_50_MB_without_CR_LF_is_a_fault_and_the_reader_keeps_no_more_than_its_buffers()
    {
        var valid = Aw319FileBuilder.Standard();
        // Record 6, a 04, starts well and never ends: 50 MB of zeros, then the LF the rest of the file follows.
        var head = valid.Records.Take(5).SelectMany(r => r.Bytes.Concat("\r\n"u8.ToArray())).ToArray();
        var tail = valid.Records.Skip(6).SelectMany(r => r.Bytes.Concat("\r\n"u8.ToArray())).ToArray();
        const long Fifty = 50L * 1024 * 1024;
        var stream = new GeneratedStream([.. head, .. "04"u8], (byte)'0', Fifty, [.. "\r\n"u8, .. tail]);
        var handler = new RecordCollector();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = VektisReader.ReadAsync(stream, handler, Reading.Options);
        Assert.True(reading.IsCompleted, "the stream answers synchronously, so the whole read ran on this thread");
        var result = await reading;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2 * 1024 * 1024, $"{allocated} bytes allocated for {Fifty} bytes read");
        Assert.Equal(stream.Length, result.Bytes);
        Assert.Equal(["8095", "0804"], result.DistinctFileFaultCodes().Select(c => c.ToString()));
        Assert.Equal(10, result.Records);
        Assert.Equal(4096, handler.Records[5].Bytes.Length);
        Assert.Equal(RecordType.Sluit, handler.Records[^1].Type);
    }

    [Fact]
    public async Task A_first_line_of_50_MB_without_CR_LF_stops_the_reader_early()
    {
        var stream = new GeneratedStream("01"u8.ToArray(), (byte)'x', 50L * 1024 * 1024, []);
        var result = await VektisReader.ReadAsync(stream, new RecordCollector(), Reading.Options);

        Assert.False(result.IsVektis);
        Assert.True(stream.Position < 1024 * 1024, $"read {stream.Position} bytes of a file that is not Vektis");
    }

    [Fact]
    public async Task A_line_limit_shorter_than_a_record_and_its_CR_is_refused()
    {
        var options = Reading.Options with { MaxLineLength = 370 };
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await VektisReader.ReadAsync(PipeReader.Create(ReadOnlySequence<byte>.Empty), new RecordCollector(), options));
    }

    [Fact]
    public async Task The_reader_reads_a_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wlz-{Guid.NewGuid():N}.aw319");
        await File.WriteAllBytesAsync(path, Aw319FileBuilder.Standard().ToBytes());
        try
        {
            var collector = new RecordCollector();
            var result = await VektisReader.ReadFileAsync(path, collector, Reading.Options);

            Assert.False(result.IsRejected);
            Assert.Equal(10, collector.Records.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(long Bytes, long Records)> MeasureAsync(ReadOnlySequence<byte> file)
    {
        var handler = new CountingHandler();
        var input = PipeReader.Create(file);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = VektisReader.ReadAsync(input, handler, Reading.Options);
        Assert.True(reading.IsCompleted, "an in-memory read completes synchronously, so it ran on this thread");
        var result = await reading;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.IsRejected);
        return (allocated, handler.Records);
    }

    private static async Task<long> MeasureStreamAsync(byte[] file)
    {
        var handler = new CountingHandler();
        using var stream = new MemoryStream(file, writable: false);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = VektisReader.ReadAsync(stream, handler, Reading.Options);
        Assert.True(reading.IsCompleted, "a memory stream answers synchronously, so the read ran on this thread");
        var result = await reading;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.IsRejected);
        return allocated;
    }

    /// <summary>A valid file of about <paramref name="lines"/> lines: clients with five lines each and a comment.</summary>
    private static byte[] LargeFile(int lines)
    {
        var builder = new Aw319FileBuilder();
        for (var i = 0; i < lines; i++)
        {
            if (i % 5 == 0)
            {
                builder.Client(Bsn.A).Comment("client " + i);
            }

            builder.Line("Z015", s_jan1, s_jan31, 31, 16_342 + i % 7, "REF-" + i);
        }

        return builder.Build().ToBytes();
    }

    private static void AssertSame(ReadOutcome expected, ReadOutcome actual)
    {
        Assert.Equal(expected.Records.Count, actual.Records.Count);
        for (var i = 0; i < expected.Records.Count; i++)
        {
            var e = expected.Records[i];
            var a = actual.Records[i];
            Assert.Equal((e.Type, e.Number, e.Faults, e.HasValidLength), (a.Type, a.Number, a.Faults, a.HasValidLength));
            Assert.Equal(e.Bytes, a.Bytes);
        }

        Assert.Equal(expected.Result.FileFaults, actual.Result.FileFaults);
        Assert.Equal(expected.Result.Bytes, actual.Result.Bytes);
        Assert.Equal(expected.Result.Records, actual.Result.Records);
        Assert.Equal(expected.Result.NetDeclaratiebedrag, actual.Result.NetDeclaratiebedrag);
        Assert.Equal(expected.Result.RecordsWithFaults, actual.Result.RecordsWithFaults);
        Assert.Equal(expected.Result.TotaalAantalDetailrecords, actual.Result.TotaalAantalDetailrecords);
        Assert.Equal(expected.Result.Voorloop, actual.Result.Voorloop);
        Assert.Equal(expected.Result.Sluit, actual.Result.Sluit);
    }
}
