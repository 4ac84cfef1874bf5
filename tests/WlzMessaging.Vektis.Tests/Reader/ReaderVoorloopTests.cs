using WlzMessaging.Vektis.Tests.Support;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;

namespace WlzMessaging.Vektis.Tests.Reader;

/// <summary>The voorlooprecord's codes and dates: every fault in it rejects the file.</summary>
public sealed class ReaderVoorloopTests
{
    private static async Task<string[]> FileCodesAfter(Action<TestRecord> edit, VektisReaderOptions? options = null)
    {
        var file = Aw319FileBuilder.Standard().Edit(0, edit);
        var read = await Reading.ReadAsync(file, options);
        Assert.True(read.Result.IsVektis);
        Assert.All(read.Result.FileFaults, f => Assert.Equal(1, f.RecordNumber));
        return read.FileCodes;
    }

    [Theory]
    [InlineData("188")]
    [InlineData("428")]
    [InlineData("000")]
    public async Task A_message_code_other_than_187_rejects_the_file_with_0010(string code) =>
        Assert.Equal(["0010"], await FileCodesAfter(r => r.Raw(V.CodeBericht, code)));

    [Fact]
    public async Task A_message_code_that_is_not_digits_rejects_the_file_with_0010() =>
        Assert.Equal(["0010"], await FileCodesAfter(r => r.Raw(V.CodeBericht, "18 ")));

    [Fact]
    public async Task A_version_other_than_01_rejects_the_file_with_0011_and_8165() =>
        Assert.Equal(["0011", "8165"], await FileCodesAfter(r => r.Raw(V.Versienummer, "02")));

    [Fact]
    public async Task A_version_that_is_not_digits_rejects_the_file_with_0011_alone() =>
        Assert.Equal(["0011"], await FileCodesAfter(r => r.Raw(V.Versienummer, "0A")));

    [Fact]
    public async Task A_subversion_other_than_04_rejects_the_file_with_8027_and_8165() =>
        Assert.Equal(["8027", "8165"], await FileCodesAfter(r => r.Raw(V.Subversienummer, "03")));

    [Fact]
    public async Task A_wrong_version_and_subversion_give_0011_8027_and_8165() =>
        Assert.Equal(["0011", "8027", "8165"], await FileCodesAfter(r => r.Raw(V.Versienummer, "00").Raw(V.Subversienummer, "05")));

    [Theory]
    [InlineData("X")]
    [InlineData(" ")]
    [InlineData("p")]
    public async Task A_soort_bericht_other_than_P_or_T_rejects_the_file_with_8028(string soort) =>
        Assert.Equal(["8028"], await FileCodesAfter(r => r.Raw(V.SoortBericht, soort)));

    [Fact]
    public async Task A_test_file_is_read_like_a_production_file() =>
        Assert.Empty(await FileCodesAfter(r => r.Raw(V.SoortBericht, "T")));

    [Theory]
    [InlineData("00")]
    [InlineData("05")]
    [InlineData("99")]
    [InlineData("4 ")]
    public async Task A_betaling_aan_other_than_01_to_04_rejects_the_file_with_8029(string value) =>
        Assert.Equal(["8029"], await FileCodesAfter(r => r.Raw(V.BetalingAan, value)));

    [Theory]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("03")]
    [InlineData("04")]
    public async Task Every_betaling_aan_from_01_to_04_is_accepted(string value) =>
        Assert.Empty(await FileCodesAfter(r => r.Raw(V.BetalingAan, value)));

    [Theory]
    [InlineData("USD")]
    [InlineData("eur")]
    [InlineData("   ")]
    public async Task A_currency_other_than_EUR_rejects_the_file_with_0031(string valuta) =>
        Assert.Equal(["0031"], await FileCodesAfter(r => r.Raw(V.Valutacode, valuta)));

    [Theory]
    [InlineData("20250230")]
    [InlineData("00000000")]
    [InlineData("2025010 ")]
    public async Task A_begindatum_that_is_no_date_rejects_the_file_with_0020(string value) =>
        Assert.Equal(["0020"], await FileCodesAfter(r => r.Raw(V.BegindatumDeclaratieperiode, value)));

    [Theory]
    [InlineData("20251301")]
    [InlineData("00000000")]
    [InlineData("2025013A")]
    public async Task An_einddatum_that_is_no_date_rejects_the_file_with_0021(string value) =>
        Assert.Equal(["0021"], await FileCodesAfter(r => r.Raw(V.EinddatumDeclaratieperiode, value)));

    [Fact]
    public async Task An_einddatum_before_the_begindatum_rejects_the_file_with_0021() =>
        Assert.Equal(["0021"], await FileCodesAfter(r => r.Raw(V.EinddatumDeclaratieperiode, "20241231")));

    [Fact]
    public async Task A_period_of_one_day_is_accepted() =>
        Assert.Empty(await FileCodesAfter(r => r.Raw(V.EinddatumDeclaratieperiode, "20250101")));

    [Theory]
    [InlineData("20250229")]
    [InlineData("00000000")]
    [InlineData("2025020 ")]
    public async Task A_dagtekening_that_is_no_date_rejects_the_file_with_0025(string value) =>
        Assert.Equal(["0025"], await FileCodesAfter(r => r.Raw(V.DagtekeningFactuur, value)));

    [Fact]
    public async Task A_dagtekening_after_the_date_received_rejects_the_file_with_0025() =>
        Assert.Equal(["0025"], await FileCodesAfter(r => r.Raw(V.DagtekeningFactuur, "20250211")));

    [Fact]
    public async Task A_dagtekening_on_the_date_received_is_accepted() =>
        Assert.Empty(await FileCodesAfter(r => r.Raw(V.DagtekeningFactuur, "20250210")));

    [Fact]
    public async Task Without_a_date_received_a_dagtekening_in_the_future_is_not_judged() =>
        Assert.Empty(await FileCodesAfter(r => r.Raw(V.DagtekeningFactuur, "20990101"), Reading.Options with { ReceivedDate = null }));

    [Fact]
    public async Task A_file_addressed_to_another_zorgkantoor_is_rejected_with_0018() =>
        Assert.Equal(["0018"], await FileCodesAfter(r => r.Raw(V.UzoviNummer, "5510")));

    [Fact]
    public async Task Without_an_expected_UZOVI_the_addressee_is_not_judged() =>
        Assert.Empty(await FileCodesAfter(r => r.Raw(V.UzoviNummer, "5510"), Reading.Options with { ExpectedUzovi = null }));

    [Fact]
    public async Task A_filled_reserve_in_the_voorlooprecord_rejects_the_file_with_0003() =>
        Assert.Equal(["0003"], await FileCodesAfter(r => r.Bytes[V.Reserve.End - 1] = (byte)'x'));

    public static TheoryData<string> NumericFields() =>
        [.. V.Fields.Where(f => f.Type == FieldType.N && f.Code != "0101").Select(f => f.Code)];

    [Theory]
    [MemberData(nameof(NumericFields))]
    public async Task An_N_field_of_the_voorlooprecord_that_is_not_digits_rejects_the_file_with_its_code(string code)
    {
        var field = V.Fields.Single(f => f.Code == code);
        var codes = await FileCodesAfter(r => r.Bytes[field.Offset] = (byte)'A');

        Assert.Equal(field.FaultCode.ToString(), codes[0]);
    }

    [Theory]
    [InlineData("0109", "0013")]
    [InlineData("0110", "0014")]
    [InlineData("0111", "0016")]
    [InlineData("0112", "0017")]
    [InlineData("0106", "0002")]
    [InlineData("0108", "0018")]
    public async Task The_provider_codes_of_the_voorlooprecord_that_are_not_digits_give_their_own_code(string field, string expected)
    {
        var spec = V.Fields.Single(f => f.Code == field);
        Assert.Equal([expected], await FileCodesAfter(r => r.Raw(spec, new string(' ', spec.Length))));
    }
}
