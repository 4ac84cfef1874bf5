using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class KoppeltabelCsvTests
{
    private const string Header = "prestatiecodelijst;prestatiecode;omschrijving;zzpcodes;functiecodes;eenheid;prestatiegroep;ingangsdatum;einddatum";

    [Fact]
    public void A_row_becomes_an_entry_with_its_lists_as_numbers()
    {
        var result = Parse(ReferenceCsv.Koppeltabel, Header, "055;H300;Begeleiding;;04,05;01;;2025-01-01;");

        var row = Assert.Single(result.Rows);
        Assert.Equal(55, row.Prestatiecodelijst);
        Assert.Equal("H300", row.Prestatiecode.ToString());
        Assert.Empty(row.Zzpcodes);
        Assert.Equal<int>([4, 5], row.Functiecodes);
        Assert.Equal(Tijdseenheid.Minuut, row.Eenheid);
        Assert.Null(row.Prestatiegroep);
        Assert.Equal(new DateOnly(2025, 1, 1), row.Ingangsdatum);
        Assert.Null(row.Einddatum);
    }

    [Fact]
    public void A_list_is_kept_ascending_without_repeats()
    {
        var result = Parse(ReferenceCsv.Koppeltabel, Header, "055;ZMZ01;ZZP-Meerzorg;003,001,001;;14;31;2015-01-01;2024-12-31");

        var row = Assert.Single(result.Rows);
        Assert.Equal<int>([1, 3], row.Zzpcodes);
        Assert.Equal(31, row.Prestatiegroep);
        Assert.Equal(new DateOnly(2024, 12, 31), row.Einddatum);
    }

    [Fact]
    public void An_omschrijving_may_hold_commas_and_be_empty()
    {
        var result = Parse(
            ReferenceCsv.Koppeltabel,
            Header,
            "055;I001;Inrichtingskosten bij gedwongen verhuizing, eenpersoonswoning;;;81;20;2015-01-01;",
            "055;I002;;;;81;20;2015-01-01;");

        Assert.Equal(["Inrichtingskosten bij gedwongen verhuizing, eenpersoonswoning", string.Empty], result.Rows.Select(r => r.Omschrijving));
    }

    [Theory]
    [InlineData("55;Z015;x;001;;14;36;2015-01-01;", "prestatiecodelijst: not 3 digits: \"55\"")]
    [InlineData("055;Z0150X;x;001;;14;36;2015-01-01;", "prestatiecode: not 1-5 characters A-Z or 0-9: \"Z0150X\"")]
    [InlineData("055;z015;x;001;;14;36;2015-01-01;", "prestatiecode: not 1-5 characters A-Z or 0-9: \"z015\"")]
    [InlineData("055;;x;001;;14;36;2015-01-01;", "prestatiecode: missing")]
    [InlineData("055;Z015;x;001,1;;14;36;2015-01-01;", "zzpcodes: item 2 is not 3 digits: \"001,1\"")]
    [InlineData("055;Z015;x;001,,002;;14;36;2015-01-01;", "zzpcodes: item 2 is not 3 digits: \"001,,002\"")]
    [InlineData("055;H126;x;;2;01;6;2015-01-01;", "functiecodes: item 1 is not 2 digits: \"2\"")]
    [InlineData("055;H126;x;;02;1;6;2015-01-01;", "eenheid: not one of 01, 04, 14, 16, 81: \"1\"")]
    [InlineData("055;H126;x;;02;02;6;2015-01-01;", "eenheid: not one of 01, 04, 14, 16, 81: \"02\"")]
    [InlineData("055;H126;x;;02;;6;2015-01-01;", "eenheid: missing")]
    [InlineData("055;H126;x;;02;01;6a;2015-01-01;", "prestatiegroep: not 1-3 digits: \"6a\"")]
    [InlineData("055;H126;x;;02;01;6;;", "ingangsdatum: missing")]
    [InlineData("055;H126;x;;02;01;6;2015-1-01;", "ingangsdatum: not a date YYYY-MM-DD: \"2015-1-01\"")]
    [InlineData("055;H126;x;;02;01;6;01-01-2015;", "ingangsdatum: not a date YYYY-MM-DD: \"01-01-2015\"")]
    [InlineData("055;H126;x;;02;01;6;2015-13-01;", "ingangsdatum: not a date YYYY-MM-DD: \"2015-13-01\"")]
    [InlineData("055;H126;x;;02;01;6;2015-01-01;2024-02-30", "einddatum: not a date YYYY-MM-DD: \"2024-02-30\"")]
    [InlineData("055;H126;x;;02;01;6;2015-01-01;2014-12-31", "einddatum: before ingangsdatum: \"2014-12-31\"")]
    public void A_bad_value_is_reported_with_file_line_and_column(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Koppeltabel, Header, "055;M001;x;;;81;20;2015-01-01;", row);

        Assert.Equal([$"koppeltabel.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void An_einddatum_on_the_ingangsdatum_is_a_one_day_code()
    {
        var result = Parse(ReferenceCsv.Koppeltabel, Header, "055;H126;x;;02;01;6;2015-01-01;2015-01-01");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Versions_of_a_code_that_follow_each_other_are_accepted()
    {
        var result = Parse(
            ReferenceCsv.Koppeltabel,
            Header,
            "055;H300;Begeleiding;;04;01;;2015-01-01;2024-12-31",
            "055;H300;Begeleiding;;04,05;01;;2025-01-01;");

        Assert.Equal(2, result.RowCount);
    }

    [Fact]
    public void Versions_of_a_code_that_share_a_day_are_refused()
    {
        var result = Parse(
            ReferenceCsv.Koppeltabel,
            Header,
            "055;H300;Begeleiding;;04;01;;2015-01-01;2025-01-01",
            "055;H300;Begeleiding;;04,05;01;;2025-01-01;");

        Assert.Equal(["koppeltabel.csv:3: ingangsdatum,einddatum: period overlaps line 2"], Problems(result));
    }

    [Fact]
    public void A_later_version_overlapping_an_open_one_is_refused_whatever_the_line_order()
    {
        var result = Parse(
            ReferenceCsv.Koppeltabel,
            Header,
            "055;H300;Begeleiding;;04,05;01;;2025-01-01;",
            "055;H300;Begeleiding;;04;01;;2015-01-01;");

        Assert.Equal(["koppeltabel.csv:2: ingangsdatum,einddatum: period overlaps line 3"], Problems(result));
    }

    [Fact]
    public void The_same_code_twice_from_one_ingangsdatum_is_refused()
    {
        var result = Parse(ReferenceCsv.Koppeltabel, Header, "055;Z015;a;001;;14;36;2015-01-01;", "055;Z015;b;001;;14;36;2015-01-01;");

        Assert.Equal(["koppeltabel.csv:3: ingangsdatum,einddatum: period overlaps line 2"], Problems(result));
    }

    [Fact]
    public void The_same_code_in_another_list_is_another_code()
    {
        var result = Parse(ReferenceCsv.Koppeltabel, Header, "055;Z015;a;001;;14;36;2015-01-01;", "054;Z015;b;001;;14;36;2015-01-01;");

        Assert.True(result.IsValid);
    }
}
