using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class MazCsvTests
{
    private const string Header = "bsn;agb;begindatum;einddatum";

    [Fact]
    public void A_row_without_einddatum_is_care_that_goes_on()
    {
        var result = Parse(ReferenceCsv.Maz, Header, "999990019;73730001;2023-05-01;", "012345611;73730001;2022-01-01;2024-08-15");

        Assert.Equal(
            [new MazRow(999990019, 73730001, new DateOnly(2023, 5, 1), null), new MazRow(12345611, 73730001, new DateOnly(2022, 1, 1), new DateOnly(2024, 8, 15))],
            result.Rows);
    }

    // Values of this file are never echoed: see BsnPrivacyTests.
    [Theory]
    [InlineData("99999001;73730001;2023-05-01;", "bsn: not 9 digits")]
    [InlineData("9999900190;73730001;2023-05-01;", "bsn: not 9 digits")]
    [InlineData("99999001X;73730001;2023-05-01;", "bsn: not 9 digits")]
    [InlineData(";73730001;2023-05-01;", "bsn: missing")]
    [InlineData("999990018;73730001;2023-05-01;", "bsn: fails the elfproef")]
    [InlineData("999999999;73730001;2023-05-01;", "bsn: fails the elfproef")]
    [InlineData("999990019;7373001;2023-05-01;", "agb: not 8 digits")]
    [InlineData("999990019;73730001;2023-02-29;", "begindatum: not a date YYYY-MM-DD")]
    [InlineData("999990019;73730001;;", "begindatum: missing")]
    [InlineData("999990019;73730001;2023-05-01;2023-4-30", "einddatum: not a date YYYY-MM-DD")]
    [InlineData("999990019;73730001;2023-05-01;2023-04-30", "einddatum: before begindatum")]
    public void A_bad_value_is_reported_with_file_line_and_column_and_without_the_value(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Maz, Header, "999990020;73730001;2023-05-01;", row);

        Assert.Equal([$"maz.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void A_leap_day_is_a_date()
    {
        var result = Parse(ReferenceCsv.Maz, Header, "999990019;73730001;2024-02-29;2024-02-29");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Two_periods_of_one_client_and_provider_from_one_begindatum_are_a_duplicate()
    {
        var result = Parse(
            ReferenceCsv.Maz,
            Header,
            "999990032;73730002;2024-01-01;2024-03-31",
            "999990032;73730001;2024-01-01;",
            "999990032;73730002;2024-01-01;");

        Assert.Equal(["maz.csv:4: bsn,agb,begindatum: duplicate of line 2"], Problems(result));
    }

    [Fact]
    public void Overlapping_periods_of_one_client_and_provider_are_accepted()
    {
        var result = Parse(ReferenceCsv.Maz, Header, "999990032;73730002;2024-01-01;2024-06-30", "999990032;73730002;2024-06-01;");

        Assert.Equal(2, result.RowCount);
    }
}
