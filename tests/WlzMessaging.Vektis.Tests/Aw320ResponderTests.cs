using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using WlzMessaging.Vektis.Tests.Reader;
using WlzMessaging.Vektis.Tests.Support;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Vektis.Tests;

/// <summary>The whole answer to a file: accepted (every record echoed and answered) or rejected (01 and 99 only).</summary>
public sealed class Aw320ResponderTests
{
    [Fact]
    public async Task An_accepted_file_is_answered_record_for_record_with_8001_on_every_line()
    {
        var file = Aw319FileBuilder.Standard();
        var answer = await Answering.RespondAsync(file);
        var lines = answer.Lines;

        Assert.Equal(10, lines.Length);
        for (var i = 1; i < 9; i++)
        {
            Assert.Equal(Encoding.Latin1.GetString(file[i].Bytes), lines[i][..310]);
        }

        Assert.Equal("01187", Encoding.Latin1.GetString(file.Voorloop.Bytes)[..5]);
        Assert.Equal("01188", lines[0][..5]);
        Assert.Equal("8001        ", answer.At(0, 343, 354));
        Assert.Equal("0200        ", answer.At(1, 311, 322));
        Assert.Equal("0200        ", answer.At(2, 311, 322));
        Assert.Equal("00506602D00506602D8001        ", answer.At(3, 311, 340));
        Assert.Equal("00010350D00010350D8001        ", answer.At(5, 311, 340));
        Assert.Equal("00373550D00373550D8001        ", answer.At(7, 311, 340));
        Assert.Equal("00373550C00373550C8001        ", answer.At(8, 311, 340));
        Assert.Equal("00000516952D00000516952D", answer.At(9, 34, 57));
        Assert.Equal(new Aw320Summary(false, 4, 4, 516_952, 516_952), answer.Summary);
    }

    [Fact]
    public async Task A_rejected_client_takes_its_lines_and_their_comments_down_with_8002()
    {
        var file = Aw319FileBuilder.Standard().Edit(1, r => r.Raw(Z.DatumGeboorte, "19400 15"));
        var answer = await Answering.RespondAsync(file);

        Assert.Equal("0350        ", answer.At(1, 311, 322));
        Assert.Equal("8002        ", answer.At(2, 311, 322)); // 98 under the 02
        Assert.Equal("00506602D00000000D8002        ", answer.At(3, 311, 340));
        Assert.Equal("8002        ", answer.At(4, 311, 322)); // 98 under the first 04
        Assert.Equal("00010350D00000000D8002        ", answer.At(5, 311, 340));
        Assert.Equal("0200        ", answer.At(6, 311, 322)); // the next client is judged again
        Assert.Equal("00373550D00373550D8001        ", answer.At(7, 311, 340));
        Assert.Equal("0200        ", answer.At(0, 343, 354)); // some lines approved, some not
        Assert.Equal("00000516952D00000000000D", answer.At(9, 34, 57)); // toegekend: 3,735.50 − 3,735.50
        Assert.Equal(new Aw320Summary(false, 4, 2, 516_952, 0), answer.Summary);
    }

    [Fact]
    public async Task A_rejected_line_takes_its_comments_down_but_not_the_next_line()
    {
        var file = Aw319FileBuilder.Standard().Edit(3, r => r.Set(P.IndicatieDebetCredit01, "X"));
        var answer = await Answering.RespondAsync(file);

        Assert.Equal("00506602D00000000D0631        ", answer.At(3, 311, 340));
        Assert.Equal("8002        ", answer.At(4, 311, 322));
        Assert.Equal("00010350D00010350D8001        ", answer.At(5, 311, 340));
    }

    [Fact]
    public async Task A_file_in_which_no_line_is_approved_gets_8073_in_its_voorlooprecord()
    {
        var file = Aw319FileBuilder.Standard()
            .Edit(1, r => r.Raw(Z.CodeGeslacht, "X"))
            .Edit(6, r => r.Raw(Z.CodeGeslacht, "X"));
        var answer = await Answering.RespondAsync(file);

        Assert.Equal("8073        ", answer.At(0, 343, 354));
        Assert.Equal(0, answer.Summary.Approved);
        Assert.Equal(4, answer.Summary.RejectedLines);
    }

    [Fact]
    public async Task A_berekend_bedrag_is_aantal_times_tarief_whatever_the_line_declares()
    {
        var file = Aw319FileBuilder.Standard().Edit(3, r => r.Set(P.BerekendBedrag, 1).Set(P.Declaratiebedrag, 1)).Recount();
        var answer = await Answering.RespondAsync(file);

        // 31 × 163.42 = 5,066.02 computed; 0.01 declared and, until adjudication judges it, granted.
        Assert.Equal("00506602D00000001D8001", answer.At(3, 311, 332));
    }

    [Fact]
    public async Task A_rejected_file_is_answered_with_only_its_voorlooprecord_and_sluitrecord()
    {
        var file = Aw319FileBuilder.Standard();
        var bytes = ReaderLineTests.Splice(file, 5, file[5].Bytes[..300]);
        var answer = await Answering.RespondAsync(bytes);
        var lines = answer.Lines;

        Assert.Equal(2, lines.Length);
        Assert.Equal("01188", lines[0][..5]);
        Assert.Equal(Encoding.Latin1.GetString(file.Voorloop.Bytes)[5..310], lines[0][5..310]);
        Assert.Equal("WLZ-TEST-0001           20250210", answer.At(0, 311, 342));
        Assert.Equal("00010804    ", answer.At(0, 343, 354));
        Assert.Equal(Encoding.Latin1.GetString(file.Sluit.Bytes)[..33], lines[1][..33]);
        // The 99 repeats the sender's total (the lines the reader could read add up to less: one was cut short).
        Assert.Equal(506_602, answer.Structure.NetDeclaratiebedrag);
        Assert.Equal("00000516952D00000000000D", answer.At(1, 34, 57));
        Assert.Equal(new Aw320Summary(true, 0, 0, 516_952, 0), answer.Summary);
    }

    [Fact]
    public async Task A_rejected_file_names_the_first_two_different_reasons_after_0001()
    {
        var file = Aw319FileBuilder.Standard()
            .Edit(0, r => r.Raw(Aw319Layout.Voorloop.Valutacode, "USD").Raw(Aw319Layout.Voorloop.SoortBericht, "X"))
            .Edit(9, r => r.Set(Aw319Layout.Sluit.AantalVerzekerdenrecords, 7));
        var answer = await Answering.RespondAsync(file);

        Assert.Equal("000180280031", answer.At(0, 343, 354));
    }

    [Fact]
    public async Task A_file_without_a_sluitrecord_is_answered_with_one_that_counts_what_the_file_held()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.RemoveAt(9);
        var answer = await Answering.RespondAsync(file);

        Assert.Equal("00010208    ", answer.At(0, 343, 354));
        Assert.Equal("99000002000000000004000002" + "0000008" + "00000516952D00000000000D", answer.Lines[1][..57]);
        Assert.Equal(new string(' ', 313), answer.Lines[1][57..]);
    }

    [Fact]
    public async Task A_file_rejected_because_its_lines_outgrow_eleven_positions_is_answered_without_throwing()
    {
        // 100,099,998,999 cents do not fit 9907; the answer repeats the sender's own total, as it always does for a
        // rejected file.
        var file = ReaderSluitTests.ManyLargeLines(1_001, credits: 0);
        var answer = await Answering.RespondAsync(file);

        Assert.True(answer.Summary.Rejected);
        Assert.Equal("00010150    ", answer.At(0, 343, 354));
        Assert.Equal("99999999999D00000000000D", answer.At(1, 34, 57));
    }

    [Fact]
    public async Task A_file_that_is_not_Vektis_has_no_answer()
    {
        var structure = await VektisReader.ReadAsync(PipeReader.Create(ReadOnlySequence<byte>.Empty), new NoHandler());
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Aw320Responder.WriteAsync(() => new MemoryStream(), structure, new StructuralAnswers(), output, Answering.Header));
    }

    [Fact]
    public async Task The_answer_can_follow_other_bytes_in_its_stream()
    {
        var file = Aw319FileBuilder.Standard().ToBytes();
        var structure = await VektisReader.ReadAsync(new MemoryStream(file), new NoHandler(), Reading.Options);
        using var output = new MemoryStream();
        output.Write("PREFIX"u8);

        await Aw320Responder.WriteAsync(() => new MemoryStream(file), structure, new StructuralAnswers(), output, Answering.Header, Reading.Options);

        var text = Encoding.Latin1.GetString(output.ToArray());
        Assert.StartsWith("PREFIX01188", text, StringComparison.Ordinal);
        Assert.Equal("8001        ", text[(6 + 342)..(6 + 354)]);
        Assert.Equal(6 + (10 * 372), text.Length);
    }

    [Fact]
    public async Task The_same_file_answered_twice_gives_the_same_bytes()
    {
        var file = Aw319FileBuilder.Standard().ToBytes();

        Assert.Equal((await Answering.RespondAsync(file)).Bytes, (await Answering.RespondAsync(file)).Bytes);
    }

    [Fact]
    public async Task An_AW320_read_back_gives_the_same_records_fields_and_codes()
    {
        var file = Aw319FileBuilder.Standard()
            .Edit(1, r => r.Raw(Z.DatumGeboorte, "19400 15"))
            .Edit(7, r => r.Bytes[^1] = (byte)'*');
        var aw319 = await Reading.ReadAsync(file);
        var answer = await Answering.RespondAsync(file);
        var aw320 = await ReadAw320Async(answer.Bytes);

        Assert.Equal(MessageKind.Aw320, aw320.Result.Result.Kind);
        Assert.Empty(aw320.Result.FileCodes);
        Assert.Equal(aw319.Records.Count, aw320.Result.Records.Count);
        for (var i = 0; i < aw319.Records.Count - 1; i++)
        {
            var sent = aw319.Records[i];
            var back = aw320.Result.Records[i];
            Assert.Equal(sent.Type, back.Type);
            Assert.Equal(sent.Bytes[5..], back.Bytes[5..310]);
            Assert.Equal(sent.Faults, back.Faults); // the AW319 part is read and judged the same way
        }

        Assert.Equal(aw319.Result.NetDeclaratiebedrag, aw320.Result.Result.NetDeclaratiebedrag);
        Assert.Equal(aw319.Result.TotaalAantalDetailrecords, aw320.Result.Result.TotaalAantalDetailrecords);
        Assert.Equal(
            ["0200", "0350", "8002", "8002", "8002", "8002", "0200", "0003", "8001"],
            aw320.Codes.Take(9));
        Assert.Equal([0L, 0, 0, -373_550], aw320.Toegekend);
        Assert.Equal(-373_550, aw320.TotaalToegekend);
        Assert.Equal(new DateOnly(2025, 2, 10), aw320.Dagtekening);
    }

    [Fact]
    public async Task A_rejected_AW320_read_back_has_two_records_and_the_faults_of_the_echoed_voorlooprecord()
    {
        var file = Aw319FileBuilder.Standard().Edit(0, r => r.Raw(Aw319Layout.Voorloop.Valutacode, "USD"));
        var answer = await Answering.RespondAsync(file);
        var aw320 = await ReadAw320Async(answer.Bytes);

        // The echo repeats the sender's 01, USD and all; the 99's counts describe the AW319, so they are not held to
        // the two records of the answer.
        Assert.Equal(MessageKind.Aw320, aw320.Result.Result.Kind);
        Assert.Equal(["0031"], aw320.Result.FileCodes);
        Assert.Equal(2, aw320.Result.Records.Count);
        Assert.Equal("0001 0031", aw320.Codes[0]);
    }

    [Fact]
    public async Task An_AW320_whose_counts_do_not_match_its_records_is_faulted_like_an_AW319()
    {
        var answer = await Answering.RespondAsync(Aw319FileBuilder.Standard());
        var bytes = answer.Bytes;
        var sluit = bytes.Length - 372;
        bytes[sluit + 7] = (byte)'9'; // 9902 AANTAL VERZEKERDENRECORDS 000002 -> 000092
        var aw320 = await ReadAw320Async(bytes);

        Assert.Equal(["0151"], aw320.Result.FileCodes);
    }

    private sealed record Aw320Read(ReadOutcome Result, List<string> Codes, List<long> Toegekend, long TotaalToegekend, DateOnly? Dagtekening);

    private sealed class Aw320Collector : IVektisRecordHandler
    {
        public RecordCollector Records { get; } = new();

        public List<string> Codes { get; } = [];

        public List<long> Toegekend { get; } = [];

        public long TotaalToegekend { get; private set; } = -1;

        public DateOnly? Dagtekening { get; private set; }

        public void OnRecord(in VektisRecord record)
        {
            Records.OnRecord(record);
            switch (record.Type)
            {
                case RecordType.Voorloop:
                    Codes.Add(record.AsVoorloop().Retourcodes.ToString());
                    Dagtekening = record.AsVoorloop().DagtekeningRetourbericht;
                    break;
                case RecordType.Verzekerde:
                    Codes.Add(record.AsVerzekerde().Retourcodes.ToString());
                    break;
                case RecordType.Prestatie:
                    Codes.Add(record.AsPrestatie().Retourcodes.ToString());
                    Toegekend.Add(record.AsPrestatie().ToegekendBedragSigned);
                    break;
                case RecordType.Commentaar:
                    Codes.Add(record.AsCommentaar().Retourcodes.ToString());
                    break;
                case RecordType.Sluit:
                    TotaalToegekend = record.AsSluit().TotaalToegekendSigned;
                    break;
            }
        }
    }

    private static async Task<Aw320Read> ReadAw320Async(byte[] bytes)
    {
        var collector = new Aw320Collector();
        var result = await VektisReader.ReadAsync(PipeReader.Create(new ReadOnlySequence<byte>(bytes)), collector, Reading.Options);
        var outcome = new ReadOutcome(result, collector.Records.Records);
        return new Aw320Read(outcome, collector.Codes, collector.Toegekend, collector.TotaalToegekend, collector.Dagtekening);
    }
}
