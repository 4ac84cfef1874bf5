using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class AfsprakenCsvTests
{
    private const string Header = "agb;jaar;jaarafspraak_cent;geldig_vanaf";

    [Fact]
    public void An_agreement_and_its_herschikking_are_two_rows()
    {
        var result = Parse(ReferenceCsv.Afspraken, Header, "73730001;2025;1300000000;2025-01-01", "73730001;2025;1340000000;2025-07-01");

        Assert.Equal(
            [new AfspraakRow(73730001, 2025, 1_300_000_000, new DateOnly(2025, 1, 1)), new AfspraakRow(73730001, 2025, 1_340_000_000, new DateOnly(2025, 7, 1))],
            result.Rows);
    }

    [Theory]
    [InlineData("73730001;1999;100;2025-01-01", "jaar: not a year 2000-2100: \"1999\"")]
    [InlineData("73730001;2101;100;2025-01-01", "jaar: not a year 2000-2100: \"2101\"")]
    [InlineData("73730001;25;100;2025-01-01", "jaar: not a year 2000-2100: \"25\"")]
    [InlineData("73730001;02025;100;2025-01-01", "jaar: not a year 2000-2100: \"02025\"")]
    [InlineData("73730001;2025;12,50;2025-01-01", "jaarafspraak_cent: not a whole number of cents: \"12,50\"")]
    [InlineData("73730001;2025;1e6;2025-01-01", "jaarafspraak_cent: not a whole number of cents: \"1e6\"")]
    [InlineData("73730001;2025;+100;2025-01-01", "jaarafspraak_cent: not a whole number of cents: \"+100\"")]
    [InlineData("73730001;2025;1234567890123456;2025-01-01", "jaarafspraak_cent: not a whole number of cents: \"1234567890123456\"")]
    [InlineData("73730001;2025;-100;2025-01-01", "jaarafspraak_cent: must not be negative: \"-100\"")]
    [InlineData("73730001;2025;;2025-01-01", "jaarafspraak_cent: missing")]
    [InlineData("73730001;2025;100;2025-00-01", "geldig_vanaf: not a date YYYY-MM-DD: \"2025-00-01\"")]
    public void A_bad_value_is_reported_with_file_line_and_column(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Afspraken, Header, "73730002;2025;100;2025-01-01", row);

        Assert.Equal([$"afspraken.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void Two_rows_for_one_agb_year_and_geldig_vanaf_are_a_duplicate()
    {
        var result = Parse(ReferenceCsv.Afspraken, Header, "73730001;2025;100;2025-01-01", "73730001;2024;100;2025-01-01", "73730001;2025;200;2025-01-01");

        Assert.Equal(["afspraken.csv:4: agb,jaar,geldig_vanaf: duplicate of line 2"], Problems(result));
    }
}
