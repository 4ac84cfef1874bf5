using WlzMessaging.Vektis.Tests.Support;
using K = WlzMessaging.Vektis.Aw319Layout.Commentaar;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Vektis.Tests.Reader;

/// <summary>
/// The detail records: running ids (file level), and the faults inside a 02, 04 or 98 that mark that record only and
/// leave the rest of the file readable.
/// </summary>
public sealed class ReaderDetailTests
{
    // Record indexes in the standard file (0-based), see Aw319FileBuilder.Standard.
    private const int Client = 1;
    private const int ClientComment = 2;
    private const int FirstLine = 3;
    private const int LineComment = 4;
    private const int DebitLine = 7;

    [Fact]
    public async Task A_gap_in_the_detail_ids_rejects_the_file_with_0801()
    {
        // Ids 1 2 2 3 4 5 6 become 1 2 2 4 5 6 7: one gap, one fault (the count goes on from the id found).
        var file = Aw319FileBuilder.Standard();
        for (var i = 5; i <= 8; i++)
        {
            file[i].Set(P.IdentificatieDetailrecord, i);
        }

        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0801"], read.FileCodes);
        Assert.Equal(6, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task Detail_ids_that_do_not_start_at_1_reject_the_file_with_0801_once()
    {
        var file = Aw319FileBuilder.Standard();
        foreach (var record in file.Records.Where(r => r.Type is RecordType.Verzekerde or RecordType.Prestatie or RecordType.Commentaar))
        {
            var id = long.Parse(record.Get(P.IdentificatieDetailrecord), System.Globalization.CultureInfo.InvariantCulture);
            record.Set(P.IdentificatieDetailrecord, id + 10);
        }

        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0801"], read.FileCodes);
        Assert.Single(read.Result.FileFaults);
    }

    [Fact]
    public async Task A_commentaarrecord_that_does_not_repeat_the_id_of_its_record_rejects_the_file_with_0801()
    {
        var file = Aw319FileBuilder.Standard().Edit(LineComment, r => r.Set(K.IdentificatieDetailrecord, 3));
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0801"], read.FileCodes);
        Assert.Equal(5, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task A_detail_id_that_is_not_digits_rejects_the_file_with_0801()
    {
        var file = Aw319FileBuilder.Standard().Edit(FirstLine, r => r.Raw(P.IdentificatieDetailrecord, "00000000000X"));
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0801"], read.FileCodes);
    }

    [Theory]
    [InlineData(Client)]
    [InlineData(ClientComment)]
    [InlineData(FirstLine)]
    public async Task A_filled_reserve_in_a_detail_record_marks_that_record_with_0003_and_does_not_reject_the_file(int index)
    {
        var file = Aw319FileBuilder.Standard().Edit(index, r => r.Bytes[^1] = (byte)'*');
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Equal([$"{index + 1}:0003"], read.RecordCodes);
        Assert.Equal(1, read.Result.RecordsWithFaults);
        Assert.Equal(10, read.Records.Count);
    }

    public static TheoryData<string> DetailNumericFields() =>
    [
        .. new[] { Z.Fields, P.Fields, K.Fields }.SelectMany(f => f)
            .Where(f => f.Type == FieldType.N && !f.Code.EndsWith("01", StringComparison.Ordinal) && !f.Code.EndsWith("02", StringComparison.Ordinal))
            .Select(f => f.Code),
    ];

    [Theory]
    [MemberData(nameof(DetailNumericFields))]
    public async Task An_N_field_of_a_detail_record_that_is_not_digits_marks_that_record_with_its_code(string code)
    {
        var (field, index) = code[..2] switch
        {
            "02" => (Z.Fields.Single(f => f.Code == code), Client),
            "04" => (P.Fields.Single(f => f.Code == code), DebitLine),
            _ => (K.Fields.Single(f => f.Code == code), LineComment),
        };
        var file = Aw319FileBuilder.Standard().Edit(index, r => r.Bytes[field.End - 1] = (byte)' ');
        var read = await Reading.ReadAsync(file);

        var record = read.Record(index + 1);
        Assert.Equal(field.FaultCode, record.Faults[0]);

        // A line amount that cannot be read cannot add up to the 99's total: only that one reaches the file.
        Assert.Equal(code == "0429" ? ["0150"] : [], read.FileCodes);
    }

    [Theory]
    [InlineData("0403", "0435")]
    [InlineData("0404", "0018")]
    [InlineData("0405", "0435")]
    [InlineData("0408", "8195")]
    [InlineData("0409", "8196")]
    public async Task A_prestatierecord_field_that_differs_from_its_verzekerdenrecord_marks_the_line(string code, string expected)
    {
        var field = P.Fields.Single(f => f.Code == code);
        var value = field.Type == FieldType.N ? new string('1', field.Length) : "ANDERS";
        var file = Aw319FileBuilder.Standard().Edit(DebitLine, r => r.Set(field, value));
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Equal([$"{DebitLine + 1}:{expected}"], read.RecordCodes);
    }

    [Fact]
    public async Task A_verzekerdenrecord_field_that_its_lines_do_not_repeat_marks_every_line_under_it()
    {
        var file = Aw319FileBuilder.Standard().Edit(Client, r => r.Set(Z.ClientnummerIndicatieorgaan, "ANDERS"));
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Equal(["4:8196", "6:8196"], read.RecordCodes);
    }

    [Fact]
    public async Task Three_faults_on_one_line_fill_the_three_slots_in_the_order_found()
    {
        var file = Aw319FileBuilder.Standard().Edit(DebitLine, r => r
            .Raw(P.DoorsturenToegestaan, "J")
            .Set(P.UzoviNummer, 5510)
            .Set(P.IndicatieDebetCredit01, "X")
            .Bytes[^1] = (byte)'*');
        var read = await Reading.ReadAsync(file);

        Assert.Equal("8179 0003 0018", read.Record(DebitLine + 1).Faulted);
    }

    [Theory]
    [InlineData("0427", "X")]
    [InlineData("0427", " ")]
    [InlineData("0430", "d")]
    [InlineData("0430", "-")]
    public async Task A_debet_credit_indicator_other_than_D_or_C_marks_the_line_with_0631(string code, string value)
    {
        var field = P.Fields.Single(f => f.Code == code);
        var file = Aw319FileBuilder.Standard().Edit(DebitLine, r => r.Raw(field, value));
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Equal([$"{DebitLine + 1}:0631"], read.RecordCodes);
    }

    [Fact]
    public async Task A_credit_line_without_a_sign_gets_0631_on_the_line_and_the_file_is_not_rejected_for_its_total()
    {
        // On today's main the line's 0429 counted as a debit, the 99's net total (which subtracted it) no longer matched,
        // and the whole file was rejected with a sluitrecord code.
        var file = Aw319FileBuilder.Standard();
        var credit = file.Records.FindIndex(r => r.Type == RecordType.Prestatie && r.Get(P.IndicatieDebetCredit02) == "C");
        Assert.True(credit > 0);
        file.Edit(credit, r => r.Raw(P.IndicatieDebetCredit02, " "));
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Equal([$"{credit + 1}:0631"], read.RecordCodes);
    }

    [Fact]
    public async Task A_credit_line_counts_negative_in_the_net_total()
    {
        var read = await Reading.ReadAsync(Aw319FileBuilder.Standard());

        // Client B: a debit of 31 × 120.50 and a credit of the same: they cancel out.
        Assert.Equal(31 * 16_342 + 90 * 115, read.Result.NetDeclaratiebedrag);
    }

    [Fact]
    public async Task A_record_fault_leaves_every_other_record_clean_and_readable()
    {
        var file = Aw319FileBuilder.Standard().Edit(Client, r => r.Raw(Z.DatumGeboorte, "1940031 "));
        var read = await Reading.ReadAsync(file);

        Assert.False(read.Result.IsRejected);
        Assert.Equal(["2:0350"], read.RecordCodes);
        Assert.Equal(10, read.Records.Count);
        Assert.All(read.Records, r => Assert.True(r.HasValidLength));
    }
}
