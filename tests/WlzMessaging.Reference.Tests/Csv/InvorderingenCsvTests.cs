using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class InvorderingenCsvTests
{
    private const string Header = "agb;jaar;bedrag_cent";

    [Fact]
    public void A_row_becomes_an_open_recovery()
    {
        var result = Parse(ReferenceCsv.Invorderingen, Header, "73730002;2024;1250000");

        Assert.Equal([new InvorderingRow(73730002, 2024, 1_250_000)], result.Rows);
    }

    [Theory]
    [InlineData("73730002;2024;0", "bedrag_cent: must be more than 0: \"0\"")]
    [InlineData("73730002;2024;-5", "bedrag_cent: must not be negative: \"-5\"")]
    [InlineData("73730002;2024;12500,00", "bedrag_cent: not a whole number of cents: \"12500,00\"")]
    [InlineData("73730002;;100", "jaar: missing")]
    public void A_bad_value_is_reported_with_file_line_and_column(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Invorderingen, Header, "73730001;2024;100", row);

        Assert.Equal([$"invorderingen.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void Two_recoveries_of_one_provider_and_year_are_a_duplicate()
    {
        var result = Parse(ReferenceCsv.Invorderingen, Header, "73730002;2024;100", "73730002;2023;100", "73730002;2024;200");

        Assert.Equal(["invorderingen.csv:4: agb,jaar: duplicate of line 2"], Problems(result));
    }
}
