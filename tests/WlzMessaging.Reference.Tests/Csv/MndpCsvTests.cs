using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class MndpCsvTests
{
    private const string Header = "agb;jaar;maand;prestatiecode;aantal;tarief_cent;ingediend_op";

    [Fact]
    public void A_row_becomes_a_month_of_undeclared_care()
    {
        var result = Parse(ReferenceCsv.Mndp, Header, "73730002;2025;1;H126;120;105;2025-02-05");

        Assert.Equal([new MndpRow(73730002, 2025, 1, PrestatieCode.Parse("H126"), 120, 105, new DateOnly(2025, 2, 5))], result.Rows);
    }

    [Theory]
    [InlineData("73730002;2025;13;H126;120;105;2025-02-05", "maand: not a month 1-12: \"13\"")]
    [InlineData("73730002;2025;0;H126;120;105;2025-02-05", "maand: not a month 1-12: \"0\"")]
    [InlineData("73730002;2025;jan;H126;120;105;2025-02-05", "maand: not a month 1-12: \"jan\"")]
    [InlineData("73730002;2025;1;H 126;120;105;2025-02-05", "prestatiecode: not 1-5 characters A-Z or 0-9: \"H 126\"")]
    [InlineData("73730002;2025;1;H126;1.5;105;2025-02-05", "aantal: not a whole number: \"1.5\"")]
    [InlineData("73730002;2025;1;H126;-3;105;2025-02-05", "aantal: must not be negative: \"-3\"")]
    [InlineData("73730002;2025;1;H126;120;1,05;2025-02-05", "tarief_cent: not a whole number of cents: \"1,05\"")]
    [InlineData("73730002;2025;1;H126;120;105;5-2-2025", "ingediend_op: not a date YYYY-MM-DD: \"5-2-2025\"")]
    public void A_bad_value_is_reported_with_file_line_and_column(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Mndp, Header, "73730002;2025;2;H126;95;105;2025-03-05", row);

        Assert.Equal([$"mndp.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void A_month_submitted_again_on_a_later_day_is_accepted_but_not_twice_on_one_day()
    {
        var result = Parse(
            ReferenceCsv.Mndp,
            Header,
            "73730002;2025;1;H126;120;105;2025-02-05",
            "73730002;2025;1;H126;125;105;2025-02-20",
            "73730002;2025;1;H126;130;105;2025-02-05");

        Assert.Equal(["mndp.csv:4: agb,jaar,maand,prestatiecode,ingediend_op: duplicate of line 2"], Problems(result));
    }
}
