using WlzMessaging.Vektis.Tests.Support;
using S = WlzMessaging.Vektis.Aw319Layout.Sluit;

namespace WlzMessaging.Vektis.Tests.Reader;

/// <summary>The sluitrecord's counts and net total against what the file holds (COD954-VEKT: 0150, 0151, 0153, 0156, 0157, 0158; the sign 0631): a mismatch rejects the file.</summary>
public sealed class ReaderSluitTests
{
    private static readonly DateOnly s_jan1 = new(2025, 1, 1);
    private static readonly DateOnly s_jan31 = new(2025, 1, 31);

    private static async Task<ReadOutcome> ReadWithSluit(Action<TestRecord> edit, Aw319File? file = null)
    {
        file ??= Aw319FileBuilder.Standard();
        edit(file.Sluit);
        var read = await Reading.ReadAsync(file);
        Assert.All(read.Result.FileFaults, f => Assert.Equal(file.Records.Count, f.RecordNumber));
        return read;
    }

    [Theory]
    [InlineData("9902", 3, "0151")]
    [InlineData("9903", 1, "0157")]
    [InlineData("9904", 5, "0158")]
    [InlineData("9905", 1, "0153")]
    [InlineData("9906", 9, "0156")]
    public async Task A_count_that_does_not_match_the_records_rejects_the_file_with_its_code(string code, long value, string expected)
    {
        var field = S.Fields.Single(f => f.Code == code);
        var read = await ReadWithSluit(r => r.Set(field, value));

        Assert.Equal([expected], read.FileCodes);
    }

    [Theory]
    [InlineData("9902", "0151")]
    [InlineData("9903", "0157")]
    [InlineData("9904", "0158")]
    [InlineData("9905", "0153")]
    [InlineData("9906", "0156")]
    [InlineData("9907", "0150")]
    public async Task A_count_or_total_that_is_not_digits_rejects_the_file_with_its_code_once(string code, string expected)
    {
        var field = S.Fields.Single(f => f.Code == code);
        var read = await ReadWithSluit(r => r.Bytes[field.Offset] = (byte)' ');

        Assert.Equal([expected], read.FileCodes);
        Assert.Single(read.Result.FileFaults);
    }

    [Fact]
    public async Task A_total_that_does_not_match_the_net_of_the_lines_rejects_the_file_with_0150()
    {
        var read = await ReadWithSluit(r => r.Set(S.TotaalDeclaratiebedrag, 31 * 16_342 + 90 * 115 + 1));

        Assert.Equal(["0150"], read.FileCodes);
    }

    [Fact]
    public async Task A_total_of_debit_and_credit_added_up_instead_of_netted_rejects_the_file_with_0150()
    {
        var read = await ReadWithSluit(r => r.Set(S.TotaalDeclaratiebedrag, 31 * 16_342 + 90 * 115 + 2 * 31 * 12_050));

        Assert.Equal(["0150"], read.FileCodes);
    }

    [Theory]
    [InlineData("C")]
    [InlineData("X")]
    [InlineData(" ")]
    public async Task A_sign_that_does_not_match_a_positive_net_total_rejects_the_file_with_0631(string sign)
    {
        var read = await ReadWithSluit(r => r.Set(S.IndicatieDebetCredit, sign));

        Assert.Equal(["0631"], read.FileCodes);
    }

    [Fact]
    public async Task A_negative_net_total_is_written_with_C_and_accepted()
    {
        var file = CreditOnly();
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Equal("C", file.Sluit.Get(S.IndicatieDebetCredit));
        Assert.Equal(-31 * 12_050, read.Result.NetDeclaratiebedrag);
    }

    [Fact]
    public async Task A_negative_net_total_marked_D_rejects_the_file_with_0631()
    {
        var read = await ReadWithSluit(r => r.Set(S.IndicatieDebetCredit, "D"), CreditOnly());

        Assert.Equal(["0631"], read.FileCodes);
    }

    [Fact]
    public void No_code_of_the_sluitrecord_is_one_that_COD954_VEKT_does_not_have()
    {
        // 0152, 0154 and 0155 are not in the code list; the sluitrecord's faults use the list's own numbers.
        Assert.All(S.Fields.Where(f => f.FaultCode.IsSet), f => Assert.DoesNotContain(f.FaultCode.ToString(), new[] { "0152", "0154", "0155" }));
        Assert.Null(Retourcodes.Meaning(new Retourcode(152)));
        Assert.Null(Retourcodes.Meaning(new Retourcode(154)));
        Assert.Null(Retourcodes.Meaning(new Retourcode(155)));
    }

    [Fact]
    public async Task A_net_total_of_zero_must_be_marked_D()
    {
        var file = new Aw319FileBuilder()
            .Client(Bsn.A)
            .Line("V015", s_jan1, s_jan31, 31, 12_050, "REF-1")
            .Line("V015", s_jan1, s_jan31, 31, 12_050, "REF-2", credit: true, voorgaand: "REF-1")
            .Build();
        Assert.Equal("D", file.Sluit.Get(S.IndicatieDebetCredit));
        Assert.Empty((await Reading.ReadAsync(file)).FileCodes);

        var read = await ReadWithSluit(r => r.Set(S.IndicatieDebetCredit, "C"), file);
        Assert.Equal(["0631"], read.FileCodes);
    }

    [Fact]
    public async Task A_filled_reserve_in_the_sluitrecord_rejects_the_file_with_0003()
    {
        var read = await ReadWithSluit(r => r.Bytes[200] = (byte)'0');

        Assert.Equal(["0003"], read.FileCodes);
    }

    [Fact]
    public async Task Lines_that_add_up_to_more_than_eleven_positions_reject_the_file_with_0150()
    {
        // 1,001 lines of 999,999.99 euro each: 100,099,998,999 cents, one digit more than 9907 can hold.
        var file = ManyLargeLines(1_001, credits: 0);
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0150"], read.FileCodes);
        Assert.Equal(100_099_998_999, read.Result.NetDeclaratiebedrag);
    }

    [Fact]
    public async Task Lines_that_add_up_to_more_than_eleven_positions_reject_the_file_with_0150_even_when_credits_net_them_down()
    {
        // 1,001 debits and 1 credit of 999,999.99 euro: the net fits 9907 and matches it, but debits alone do not fit any
        // answer that grants them and not the credit (decision: such a file is rejected).
        var file = ManyLargeLines(1_001, credits: 1);
        Assert.Equal("99999999000", file.Sluit.Get(S.TotaalDeclaratiebedrag));
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0150"], read.FileCodes);
        Assert.Equal(99_999_999_000, read.Result.NetDeclaratiebedrag);
    }

    internal static Aw319File ManyLargeLines(int debits, int credits)
    {
        var builder = new Aw319FileBuilder().Client(Bsn.A);
        for (var i = 0; i < debits + credits; i++)
        {
            builder.Line("M001", s_jan1, s_jan31, 1, 99_999_999, $"REF-{i:D5}", credit: i >= debits, voorgaand: i >= debits ? "REF-00000" : null, tijdseenheid: 81);
        }

        return builder.Build();
    }

    private static Aw319File CreditOnly() => new Aw319FileBuilder()
        .Client(Bsn.B)
        .Line("V015", s_jan1, s_jan31, 31, 12_050, "REF-B-0002", credit: true, voorgaand: "REF-B-0001")
        .Build();
}
