using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class TarievenCsvTests
{
    private const string Header = "agb;jaar;prestatiecode;tarief_cent;ingevoerd_op";

    [Fact]
    public void A_tariff_and_its_change_are_two_rows()
    {
        var result = Parse(ReferenceCsv.Tarieven, Header, "73730001;2025;Z015;14730;2024-12-01", "73730001;2025;Z015;14895;2025-03-01");

        Assert.Equal(
            [
                new TariefRow(73730001, 2025, PrestatieCode.Parse("Z015"), 14730, new DateOnly(2024, 12, 1)),
                new TariefRow(73730001, 2025, PrestatieCode.Parse("Z015"), 14895, new DateOnly(2025, 3, 1)),
            ],
            result.Rows);
    }

    [Fact]
    public void A_tariff_in_euros_is_reported_as_in_the_contract_example()
    {
        var result = Parse(
            ReferenceCsv.Tarieven,
            Header,
            "73730001;2025;Z015;14730;2024-12-01",
            "73730001;2025;Z025;16410;2024-12-01",
            "73730001;2025;V015;13450;2024-12-01",
            "73730001;2025;M001;1;2024-12-01",
            "73730002;2025;H126;105;2024-12-01",
            "73730003;2025;H126;12,50;2024-12-01");

        Assert.Equal(["tarieven.csv:7: tarief_cent: not a whole number of cents: \"12,50\""], Problems(result));
    }

    [Theory]
    [InlineData("7373001;2025;Z015;100;2024-12-01", "agb: not 8 digits: \"7373001\"")]
    [InlineData("73730001;1999;Z015;100;2024-12-01", "jaar: not a year 2000-2100: \"1999\"")]
    [InlineData("73730001;2025;ZMZ010;100;2024-12-01", "prestatiecode: not 1-5 characters A-Z or 0-9: \"ZMZ010\"")]
    [InlineData("73730001;2025;Z015;-1;2024-12-01", "tarief_cent: must not be negative: \"-1\"")]
    [InlineData("73730001;2025;Z015;100;2024-12-32", "ingevoerd_op: not a date YYYY-MM-DD: \"2024-12-32\"")]
    [InlineData("73730001;2025;Z015;100;", "ingevoerd_op: missing")]
    public void A_bad_value_is_reported_with_file_line_and_column(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Tarieven, Header, "73730009;2025;Z015;100;2024-12-01", row);

        Assert.Equal([$"tarieven.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void Two_rows_for_one_agb_year_prestatiecode_and_ingevoerd_op_are_a_duplicate()
    {
        var result = Parse(
            ReferenceCsv.Tarieven,
            Header,
            "73730001;2025;Z015;14730;2024-12-01",
            "73730001;2025;Z025;14730;2024-12-01",
            "73730001;2024;Z015;14730;2024-12-01",
            "73730001;2025;Z015;14895;2024-12-01");

        Assert.Equal(["tarieven.csv:5: agb,jaar,prestatiecode,ingevoerd_op: duplicate of line 2"], Problems(result));
    }
}
