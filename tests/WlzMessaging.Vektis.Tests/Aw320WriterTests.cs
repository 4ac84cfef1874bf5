using System.IO.Pipelines;
using System.Text;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests;

/// <summary>
/// The AW320 byte layout per record type, position by position as specs/aw320.md gives it (the positions are written out
/// here, not taken from Aw320Layout, so a wrong layout cannot check itself).
/// </summary>
public sealed class Aw320WriterTests
{
    private static readonly Aw319File s_file = Aw319FileBuilder.Standard();

    private static async Task<string> WriteAsync(Action<Aw320Writer> write)
    {
        using var stream = new MemoryStream();
        var pipe = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        var writer = new Aw320Writer(pipe);
        write(writer);
        Assert.Equal(372, writer.UnflushedBytes);
        await writer.FlushAsync();
        Assert.Equal(0, writer.UnflushedBytes);
        await pipe.CompleteAsync();
        var text = Encoding.Latin1.GetString(stream.ToArray());
        Assert.Equal(372, text.Length);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return text[..370];
    }

    private static string Ascii(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static string Spaces(int n) => new(' ', n);

    [Fact]
    public async Task The_voorlooprecord_echoes_positions_1_to_310_with_188_and_adds_reference_date_and_codes()
    {
        var codes = new RetourcodeSet(Retourcodes.BerichtAfgekeurd);
        codes.Add(Retourcodes.LengteRecordOnjuist);
        var line = await WriteAsync(w => w.WriteVoorloop(s_file.Voorloop.Bytes, "WLZ-TEST-0001"u8, new DateOnly(2025, 2, 10), codes));
        var echo = Ascii(s_file.Voorloop.Bytes);

        Assert.Equal(echo[..2], line[..2]);
        Assert.Equal("188", line[2..5]);
        Assert.Equal(echo[5..310], line[5..310]);
        Assert.Equal("WLZ-TEST-0001" + Spaces(11), line[310..334]); // 0181, 311-334
        Assert.Equal("20250210", line[334..342]);                  // 0182, 335-342
        Assert.Equal("00010804    ", line[342..354]);              // 0196-0198, 343-354
        Assert.Equal(Spaces(16), line[354..370]);                  // 0199, 355-370
    }

    [Fact]
    public async Task A_reference_longer_than_24_positions_is_cut_and_none_leaves_spaces()
    {
        var longer = await WriteAsync(w => w.WriteVoorloop(s_file.Voorloop.Bytes, "123456789012345678901234567890"u8, new DateOnly(2025, 2, 10), default));
        var none = await WriteAsync(w => w.WriteVoorloop(s_file.Voorloop.Bytes, default, new DateOnly(2025, 2, 10), default));

        Assert.Equal("123456789012345678901234", longer[310..334]);
        Assert.Equal(Spaces(24), none[310..334]);
        Assert.Equal(Spaces(12), none[342..354]);
    }

    [Fact]
    public async Task The_verzekerdenrecord_echoes_310_positions_and_adds_three_slots()
    {
        var codes = new RetourcodeSet(Retourcodes.BsnOnjuist);
        codes.Add(Retourcodes.DatumGeboorteOnjuist);
        codes.Add(Retourcodes.GeslachtOnjuist);
        var line = await WriteAsync(w => w.WriteVerzekerde(s_file[1].Bytes, codes));

        Assert.Equal(Ascii(s_file[1].Bytes), line[..310]);
        Assert.Equal("043503500351", line[310..322]); // 0296-0298, 311-322
        Assert.Equal(Spaces(48), line[322..370]);     // 0299, 323-370
    }

    [Fact]
    public async Task The_commentaarrecord_echoes_310_positions_and_adds_three_slots()
    {
        var line = await WriteAsync(w => w.WriteCommentaar(s_file[2].Bytes, new RetourcodeSet(Retourcodes.GeenOpmerking)));

        Assert.Equal(Ascii(s_file[2].Bytes), line[..310]);
        Assert.Equal("0200" + Spaces(8), line[310..322]); // 9896-9898, 311-322
        Assert.Equal(Spaces(48), line[322..370]);          // 9899, 323-370
    }

    [Fact]
    public async Task The_prestatierecord_adds_berekend_and_toegekend_with_their_sign_and_the_codes()
    {
        var line = await WriteAsync(w => w.WritePrestatie(s_file[3].Bytes, 506_602, 506_600, new RetourcodeSet(Retourcodes.VolledigToegewezen)));

        Assert.Equal(Ascii(s_file[3].Bytes), line[..310]);
        Assert.Equal("00506602", line[310..318]);         // 0481, 311-318
        Assert.Equal("D", line[318..319]);                // 0482, 319
        Assert.Equal("00506600", line[319..327]);         // 0483, 320-327
        Assert.Equal("D", line[327..328]);                // 0484, 328
        Assert.Equal("8001" + Spaces(8), line[328..340]); // 0496-0498, 329-340
        Assert.Equal(Spaces(30), line[340..370]);         // 0499, 341-370
    }

    [Fact]
    public async Task A_credit_line_is_written_with_C_and_an_unsigned_amount()
    {
        var line = await WriteAsync(w => w.WritePrestatie(s_file[8].Bytes, -373_550, -373_550, new RetourcodeSet(Retourcodes.VolledigToegewezen)));

        Assert.Equal("00373550C00373550C8001", line[310..332]);
    }

    [Fact]
    public async Task A_rejected_line_is_granted_zero_with_D()
    {
        var line = await WriteAsync(w => w.WritePrestatie(s_file[8].Bytes, -373_550, 0, new RetourcodeSet(Retourcodes.NietBeoordeeld)));

        Assert.Equal("00373550C00000000D8002", line[310..332]);
    }

    [Fact]
    public async Task The_sluitrecord_keeps_the_counts_and_lays_out_the_totals_from_position_34()
    {
        var line = await WriteAsync(w => w.WriteSluit(s_file.Sluit.Bytes, -1_234_567, 99_999_999_999));

        Assert.Equal(Ascii(s_file.Sluit.Bytes)[..33], line[..33]); // 9901-9906, 1-33
        Assert.Equal("99000002000000000004000002" + "0000008", line[..33]);
        Assert.Equal("00001234567", line[33..44]);                 // 9907, 34-44
        Assert.Equal("C", line[44..45]);                           // 9908, 45
        Assert.Equal("99999999999", line[45..56]);                 // 9909, 46-56
        Assert.Equal("D", line[56..57]);                           // 9910, 57
        Assert.Equal(Spaces(313), line[57..370]);                  // 9980, 58-370
    }

    [Fact]
    public async Task An_amount_that_does_not_fit_its_field_is_a_bug_of_the_caller_and_throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            WriteAsync(w => w.WritePrestatie(s_file[3].Bytes, Aw320Writer.MaxLineAmount + 1, 0, default)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            WriteAsync(w => w.WriteSluit(s_file.Sluit.Bytes, -(Aw320Writer.MaxTotalAmount + 1), 0)));
    }

    [Fact]
    public async Task An_echo_shorter_than_310_positions_is_padded_with_spaces()
    {
        var line = await WriteAsync(w => w.WriteVerzekerde("02"u8, default));

        Assert.Equal("02" + Spaces(368), line);
    }

    [Fact]
    public void The_retourcode_slots_keep_three_codes_in_the_order_given_without_repeats()
    {
        var codes = default(RetourcodeSet);
        foreach (var code in new[] { 435, 18, 435, 8195, 8196, 0 })
        {
            codes.Add(new Retourcode((ushort)code));
        }

        Span<byte> slots = stackalloc byte[12];
        codes.Format(slots);
        Assert.Equal("043500188195", Encoding.ASCII.GetString(slots));
        Assert.Equal(3, codes.Count);
        Assert.Equal(codes, RetourcodeSet.Parse(slots));
        Assert.Equal("0435 0018 8195", codes.ToString());
        Assert.True(RetourcodeSet.Parse("    8001    "u8).Contains(Retourcodes.VolledigToegewezen));
        Assert.True(RetourcodeSet.Parse("0000    ABCD"u8).IsEmpty);
    }
}
