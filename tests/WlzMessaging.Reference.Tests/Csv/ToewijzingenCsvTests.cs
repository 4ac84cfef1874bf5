using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class ToewijzingenCsvTests
{
    private const string Header =
        "bsn;besluitnummer;toewijzingnummer;zzpcode;functiecode;leveringsvorm;agb;ingangsdatum;einddatum;zorg_begindatum;zorg_einddatum";

    [Fact]
    public void A_zzp_toewijzing_and_a_functie_toewijzing_are_read()
    {
        var result = Parse(ReferenceCsv.Toewijzingen, Header,
            "999990019;1001;100001;001;;1;73730001;2023-05-01;;2023-05-01;",
            "999990044;1004;100005;;02;3;73730003;2025-01-01;2025-12-31;2025-01-02;2025-06-30");

        Assert.Equal(
        [
            new ToewijzingRow(999990019, 1001, 100001, 1, 0, Leveringsvorm.Verblijf, 73730001, new DateOnly(2023, 5, 1), null, new DateOnly(2023, 5, 1), null),
            new ToewijzingRow(999990044, 1004, 100005, 0, 2, Leveringsvorm.Mpt, 73730003, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
                new DateOnly(2025, 1, 2), new DateOnly(2025, 6, 30)),
        ], result.Rows);
    }

    [Theory]
    [InlineData("999990019;1001;100002;001;02;1;73730001;2023-05-01;;;", "zzpcode: give either a zzpcode or a functiecode")]
    [InlineData("999990019;1001;100002;;;1;73730001;2023-05-01;;;", "zzpcode: give either a zzpcode or a functiecode")]
    [InlineData("999990019;1001;100002;;02;1;73730001;2023-05-01;;;", "leveringsvorm: a functie is toegewezen as 3 (MPT)")]
    [InlineData("999990019;1001;100002;001;;6;73730001;2023-05-01;;;", "leveringsvorm: not one of 1, 2, 3, 4, 5")]
    [InlineData("999990019;10X1;100002;001;;1;73730001;2023-05-01;;;", "besluitnummer: not 1-18 digits")]
    [InlineData("999990019;1001;100002;001;;1;73730001;2023-05-01;2023-04-30;;", "einddatum: before ingangsdatum")]
    [InlineData("999990019;1001;100002;001;;1;73730001;2023-05-01;;;2023-06-01", "zorg_einddatum: an end of care without a start of care")]
    [InlineData("999990019;1001;100002;001;;1;73730001;2023-05-01;;2023-06-01;2023-05-31", "zorg_einddatum: before zorg_begindatum")]
    [InlineData("999990019;1001;100001;001;;1;73730001;2023-05-01;;;", "toewijzingnummer: duplicate of line 2")]
    public void A_bad_row_is_reported_by_line_and_column_without_its_values(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Toewijzingen, Header, "999990020;1001;100001;001;;1;73730001;2023-05-01;;;", row);

        Assert.Equal([$"toewijzingen.csv:3: {problem}"], Problems(result));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_row_prints_without_its_bsn()
    {
        var row = new ToewijzingRow(999990019, 1, 2, 1, 0, Leveringsvorm.Verblijf, 73730001, new DateOnly(2025, 1, 1), null, null, null);

        Assert.DoesNotContain("999990019", row.ToString(), StringComparison.Ordinal);
    }
}
