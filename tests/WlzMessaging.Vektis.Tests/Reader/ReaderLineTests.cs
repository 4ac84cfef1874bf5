using System.Text;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests.Reader;

/// <summary>The line structure of a file: 310 positions and CR LF a record, and what is not a Vektis file at all.</summary>
public sealed class ReaderLineTests
{
    [Fact]
    public async Task A_valid_file_is_read_whole_without_any_fault()
    {
        var file = Aw319FileBuilder.Standard();
        var read = await Reading.ReadAsync(file);

        Assert.True(read.Result.IsVektis);
        Assert.False(read.Result.IsRejected);
        Assert.Empty(read.Result.FileFaults);
        Assert.Equal(0, read.Result.RecordsWithFaults);
        Assert.Empty(read.RecordCodes);
        Assert.Equal(MessageKind.Aw319, read.Result.Kind);
        Assert.Equal(10, read.Result.Records);
        Assert.Equal(file.ToBytes().Length, read.Result.Bytes);
        Assert.Equal(
            [RecordType.Voorloop, RecordType.Verzekerde, RecordType.Commentaar, RecordType.Prestatie, RecordType.Commentaar,
             RecordType.Prestatie, RecordType.Verzekerde, RecordType.Prestatie, RecordType.Prestatie, RecordType.Sluit],
            read.Records.Select(r => r.Type));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), read.Records.Select(r => r.Number));
        Assert.All(read.Records, r => Assert.True(r.HasValidLength));
        Assert.Equal(file.Records.Select(r => r.Bytes), read.Records.Select(r => r.Bytes));
        Assert.Equal(2, read.Result.AantalVerzekerdenrecords);
        Assert.Equal(4, read.Result.AantalPrestatierecords);
        Assert.Equal(2, read.Result.AantalCommentaarrecords);
        Assert.Equal(8, read.Result.TotaalAantalDetailrecords);
        Assert.Equal(31 * 16_342 + 90 * 115 + 31 * 12_050 - 31 * 12_050, read.Result.NetDeclaratiebedrag);
        Assert.Equal(file.Voorloop.Bytes, read.Result.Voorloop);
        Assert.Equal(file.Sluit.Bytes, read.Result.Sluit);
    }

    [Theory]
    [InlineData(309)]
    [InlineData(311)]
    [InlineData(370)]
    public async Task A_record_of_the_wrong_length_rejects_the_file_with_0804(int length)
    {
        var file = Aw319FileBuilder.Standard();
        var bytes = file[3].Bytes.AsSpan(0, Math.Min(length, 310)).ToArray().Concat(Enumerable.Repeat((byte)' ', Math.Max(0, length - 310))).ToArray();
        var raw = Splice(file, 3, bytes);

        var read = await Reading.ReadAsync(raw);

        Assert.Equal(["0804"], read.FileCodes);
        Assert.Equal(4, read.Result.FileFaults.Single().RecordNumber);
        var record = read.Record(4);
        Assert.False(record.HasValidLength);
        Assert.Equal(length, record.Bytes.Length);
        Assert.Equal(10, read.Result.Records);
    }

    [Fact]
    public async Task A_record_ended_by_a_bare_LF_rejects_the_file_with_8095()
    {
        var bytes = Replace(Aw319FileBuilder.Standard().ToBytes(), 3, "\n");
        var read = await Reading.ReadAsync(bytes);

        Assert.Equal(["8095"], read.FileCodes);
        Assert.Equal(4, read.Result.FileFaults.Single().RecordNumber);
        Assert.True(read.Record(4).HasValidLength);
    }

    [Fact]
    public async Task A_file_with_bare_LF_line_ends_throughout_is_rejected_with_8095_for_every_record()
    {
        var read = await Reading.ReadAsync(Aw319FileBuilder.Standard().ToBytes("\n"));

        Assert.Equal(["8095"], read.FileCodes);
        Assert.Equal(10, read.Result.FileFaults.Count);
        Assert.All(read.Records, r => Assert.True(r.HasValidLength));
    }

    [Fact]
    public async Task A_CR_inside_a_record_rejects_the_file_with_8095()
    {
        var file = Aw319FileBuilder.Standard();
        file[4].Bytes[50] = (byte)'\r';
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["8095"], read.FileCodes);
        Assert.Equal(5, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task An_empty_line_between_records_rejects_the_file_with_8095()
    {
        var bytes = Insert(Aw319FileBuilder.Standard().ToBytes(), 5, "\r\n");
        var read = await Reading.ReadAsync(bytes);

        Assert.Equal(["8095"], read.FileCodes);
        Assert.Equal(10, read.Result.Records);
    }

    [Fact]
    public async Task An_empty_line_at_the_end_of_the_file_rejects_it_with_8095()
    {
        var bytes = Aw319FileBuilder.Standard().ToBytes().Concat("\r\n"u8.ToArray()).ToArray();
        var read = await Reading.ReadAsync(bytes);

        Assert.Equal(["8095"], read.FileCodes);
    }

    [Fact]
    public async Task A_last_record_without_CR_LF_is_still_read_and_rejects_the_file_with_8095()
    {
        var bytes = Aw319FileBuilder.Standard().ToBytes()[..^2];
        var read = await Reading.ReadAsync(bytes);

        Assert.Equal(["8095"], read.FileCodes);
        Assert.Equal(10, read.Result.FileFaults.Single().RecordNumber);
        Assert.Equal(10, read.Result.Records);
        Assert.True(read.Record(10).HasValidLength);
        Assert.NotNull(read.Result.Sluit);
    }

    [Fact]
    public async Task A_last_record_ending_in_CR_without_LF_is_8095_and_not_a_wrong_length()
    {
        var bytes = Aw319FileBuilder.Standard().ToBytes()[..^1];
        var read = await Reading.ReadAsync(bytes);

        Assert.Equal(["8095"], read.FileCodes);
        Assert.True(read.Record(10).HasValidLength);
        Assert.Equal(310, read.Record(10).Bytes.Length);
    }

    [Fact]
    public async Task An_empty_file_is_not_a_Vektis_file()
    {
        var read = await Reading.ReadAsync([]);

        Assert.False(read.Result.IsVektis);
        Assert.True(read.Result.IsRejected);
        Assert.Equal("the file is empty", read.Result.NotVektisReason);
        Assert.Empty(read.Records);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r\n\r\n\r\n")]
    [InlineData("\n")]
    public async Task A_file_of_only_line_ends_is_not_a_Vektis_file(string content)
    {
        var read = await Reading.ReadAsync(Encoding.ASCII.GetBytes(content));

        Assert.False(read.Result.IsVektis);
        Assert.Empty(read.Records);
    }

    [Fact]
    public async Task Binary_junk_is_not_a_Vektis_file_and_nothing_is_delivered()
    {
        var junk = new byte[100_000];
        new Random(319).NextBytes(junk);
        var read = await Reading.ReadAsync(junk);

        Assert.False(read.Result.IsVektis);
        Assert.NotNull(read.Result.NotVektisReason);
        Assert.Empty(read.Records);
    }

    [Fact]
    public async Task A_file_whose_first_record_is_not_a_voorlooprecord_is_not_a_Vektis_file_with_0002_and_8026()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.RemoveAt(0);
        var read = await Reading.ReadAsync(file);

        Assert.False(read.Result.IsVektis);
        Assert.Contains("voorlooprecord", read.Result.NotVektisReason, StringComparison.Ordinal);
        Assert.Equal(["0002", "8026"], read.FileCodes);
        Assert.Empty(read.Records);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("011")]
    [InlineData("0118")]
    [InlineData("01\r\n")]
    [InlineData("0118701\r\n")]
    public async Task A_file_cut_off_a_few_bytes_into_its_voorlooprecord_is_not_a_Vektis_file(string content)
    {
        var read = await Reading.ReadAsync(Encoding.ASCII.GetBytes(content));

        Assert.False(read.Result.IsVektis);
        Assert.Contains("voorlooprecord", read.Result.NotVektisReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(311)]
    [InlineData(369)]
    [InlineData(371)]
    public async Task A_voorlooprecord_that_is_neither_310_nor_370_long_makes_the_file_not_Vektis(int length)
    {
        var file = Aw319FileBuilder.Standard();
        var bytes = Splice(file, 0, file.Voorloop.Bytes.Concat(Enumerable.Repeat((byte)' ', 100)).Take(length).ToArray());
        var read = await Reading.ReadAsync(bytes);

        Assert.False(read.Result.IsVektis);
        Assert.Contains("voorlooprecord", read.Result.NotVektisReason, StringComparison.Ordinal);
        Assert.Empty(read.Records);
    }

    [Fact]
    public async Task A_first_line_without_LF_within_the_limit_makes_the_file_not_Vektis()
    {
        var bytes = Encoding.ASCII.GetBytes("01" + new string('7', 10_000));
        var read = await Reading.ReadAsync(bytes);

        Assert.False(read.Result.IsVektis);
        Assert.Contains("no line end", read.Result.NotVektisReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_told_to_go_on_reads_a_file_that_is_not_Vektis_to_its_end()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.RemoveAt(0);
        var read = await Reading.ReadAsync(file.ToBytes(), Reading.Options with { ContinueWhenNotVektis = true });

        Assert.False(read.Result.IsVektis);
        Assert.Equal(9, read.Records.Count);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_one_fault_with_8095_and_0804_and_the_rest_of_it_is_skipped()
    {
        var file = Aw319FileBuilder.Standard();
        var bytes = Splice(file, 5, [.. file[5].Bytes, .. Enumerable.Repeat((byte)'x', 20_000)]);
        var read = await Reading.ReadAsync(bytes);

        Assert.Equal(["8095", "0804"], read.FileCodes);
        Assert.Equal(2, read.Result.FileFaults.Count);
        Assert.Equal(10, read.Result.Records);
        Assert.Equal(4096, read.Record(6).Bytes.Length);
        Assert.False(read.Record(6).HasValidLength);
        Assert.Equal(RecordType.Prestatie, read.Record(6).Type);
        Assert.Equal(RecordType.Sluit, read.Record(10).Type);
    }

    [Fact]
    public async Task File_faults_beyond_the_limit_are_counted_but_not_kept()
    {
        var read = await Reading.ReadAsync(Aw319FileBuilder.Standard().ToBytes("\n"), Reading.Options with { MaxFileFaults = 3 });

        Assert.Equal(3, read.Result.FileFaults.Count);
        Assert.Equal(7, read.Result.FileFaultsNotKept);
    }

    /// <summary>The file with record <paramref name="index"/> replaced by <paramref name="bytes"/> (CR LF still after it).</summary>
    internal static byte[] Splice(Aw319File file, int index, byte[] bytes)
    {
        var output = new List<byte>();
        for (var i = 0; i < file.Records.Count; i++)
        {
            output.AddRange(i == index ? bytes : file[i].Bytes);
            output.AddRange("\r\n"u8.ToArray());
        }

        return [.. output];
    }

    /// <summary>The file with the line end after record <paramref name="index"/> replaced by <paramref name="lineEnd"/>.</summary>
    private static byte[] Replace(byte[] file, int index, string lineEnd)
    {
        var at = (index + 1) * 312 - 2;
        return [.. file[..at], .. Encoding.ASCII.GetBytes(lineEnd), .. file[(at + 2)..]];
    }

    /// <summary>The file with <paramref name="text"/> inserted after record <paramref name="index"/> and its CR LF.</summary>
    private static byte[] Insert(byte[] file, int index, string text)
    {
        var at = (index + 1) * 312;
        return [.. file[..at], .. Encoding.ASCII.GetBytes(text), .. file[at..]];
    }
}
