using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class MeerzorgCsvTests
{
    private const string Header = "bsn;agb;begindatum;einddatum;tarief_cent";

    [Fact]
    public void A_row_becomes_a_beschikking_with_its_tariff()
    {
        var result = Parse(ReferenceCsv.Meerzorg, Header, "999990019;73730001;2025-01-01;2025-06-30;9850", "999990019;73730001;2025-07-01;;10240");

        Assert.Equal(
            [
                new MeerzorgRow(999990019, 73730001, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), 9850),
                new MeerzorgRow(999990019, 73730001, new DateOnly(2025, 7, 1), null, 10240),
            ],
            result.Rows);
    }

    [Theory]
    [InlineData("99999001;73730001;2025-01-01;2025-06-30;9850", "bsn: not 9 digits")]
    [InlineData("999990018;73730001;2025-01-01;2025-06-30;9850", "bsn: fails the elfproef")]
    [InlineData("999990019;737300010;2025-01-01;2025-06-30;9850", "agb: not 8 digits")]
    [InlineData("999990019;73730001;20250101;2025-06-30;9850", "begindatum: not a date YYYY-MM-DD")]
    [InlineData("999990019;73730001;2025-01-01;2024-12-31;9850", "einddatum: before begindatum")]
    [InlineData("999990019;73730001;2025-01-01;2025-06-30;98,50", "tarief_cent: not a whole number of cents")]
    [InlineData("999990019;73730001;2025-01-01;2025-06-30;-9850", "tarief_cent: must not be negative")]
    [InlineData("999990019;73730001;2025-01-01;2025-06-30;", "tarief_cent: missing")]
    public void A_bad_value_is_reported_with_file_line_and_column_and_without_the_value(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Meerzorg, Header, "999990020;73730001;2025-01-01;2025-06-30;9850", row);

        Assert.Equal([$"meerzorg.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void Beschikkingen_of_one_client_and_provider_that_share_a_day_are_refused()
    {
        var result = Parse(
            ReferenceCsv.Meerzorg,
            Header,
            "999990019;73730001;2025-01-01;2025-06-30;9850",
            "999990019;73730002;2025-01-01;;9850",
            "999990019;73730001;2025-06-30;;10240");

        Assert.Equal(["meerzorg.csv:4: begindatum,einddatum: period overlaps line 2"], Problems(result));
    }

    [Fact]
    public void A_beschikking_starting_the_day_after_the_last_one_ends_is_accepted()
    {
        var result = Parse(ReferenceCsv.Meerzorg, Header, "999990019;73730001;2025-01-01;2025-06-30;9850", "999990019;73730001;2025-07-01;;10240");

        Assert.True(result.IsValid);
    }
}
