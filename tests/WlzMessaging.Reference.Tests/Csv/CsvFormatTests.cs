using System.Text;
using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

/// <summary>What every reference file shares: the header, the row shape, the encoding, how problems are collected.</summary>
public class CsvFormatTests
{
    private const string Header = "agb;naam;regime;crisisafspraak";
    private const string Good = "73730001;Zorggroep De Linde;werkvoorschot;nee";

    [Fact]
    public void An_empty_file_has_a_missing_header()
    {
        var result = ReferenceCsv.Providers.Parse(new StringReader(string.Empty));

        Assert.Equal(["providers.csv:1: header: missing (the file is empty)"], Problems(result));
    }

    [Fact]
    public void A_header_with_the_columns_in_another_order_is_refused_and_no_row_is_read()
    {
        var result = Parse(ReferenceCsv.Providers, "naam;agb;regime;crisisafspraak", "not;a;good;row");

        Assert.Equal(["providers.csv:1: header: expected agb;naam;regime;crisisafspraak"], Problems(result));
    }

    [Fact]
    public void A_header_with_a_column_too_many_is_refused()
    {
        var result = Parse(ReferenceCsv.Providers, Header + ";extra", Good + ";x");

        Assert.Equal(["providers.csv:1: header: expected agb;naam;regime;crisisafspraak"], Problems(result));
    }

    [Fact]
    public void A_header_only_file_is_a_valid_empty_table()
    {
        var result = Parse(ReferenceCsv.Providers, Header);

        Assert.True(result.IsValid);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_byte_order_mark_and_CR_LF_line_ends_are_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\r\n{Good}\r\n")).ToArray();

        var result = ReferenceCsv.Providers.Parse(new MemoryStream(bytes));

        Assert.True(result.IsValid, string.Join('\n', Problems(result)));
        Assert.Equal("Zorggroep De Linde", Assert.Single(result.Rows).Naam);
    }

    [Fact]
    public void Text_is_read_as_UTF_8()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Header}\n73730001;Zorgcentrum Sint-Anna & Cöpe;achteraf;nee\n");

        var result = ReferenceCsv.Providers.Parse(new MemoryStream(bytes));

        Assert.Equal("Zorgcentrum Sint-Anna & Cöpe", Assert.Single(result.Rows).Naam);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_reported_on_their_line()
    {
        // "Cöpe" in Latin-1: the ö is byte F6, which UTF-8 does not allow on its own.
        var bytes = Encoding.Latin1.GetBytes($"{Header}\n{Good}\n73730002;Cöpe;achteraf;nee\n");

        var result = ReferenceCsv.Providers.Parse(new MemoryStream(bytes));

        Assert.Equal(["providers.csv:3: row: not valid UTF-8"], Problems(result));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported_as_a_row_problem()
    {
        var result = Parse(ReferenceCsv.Providers, Header, Good, "73730002;Het Baken;werkvoorschot;ja;extra", "73730003;Aan Zee;achteraf");

        Assert.Equal(
            ["providers.csv:3: row: expected 4 fields, found 5", "providers.csv:4: row: expected 4 fields, found 3"],
            Problems(result));
    }

    [Fact]
    public void An_empty_line_is_a_problem_and_later_lines_keep_their_numbers()
    {
        var result = Parse(ReferenceCsv.Providers, Header, Good, string.Empty, "7373000X;Aan Zee;achteraf;nee");

        Assert.Equal(
            ["providers.csv:3: row: empty line", "providers.csv:4: agb: not 8 digits: \"7373000X\""],
            Problems(result));
    }

    [Fact]
    public void An_overlong_line_is_reported_without_being_kept_and_the_next_line_is_still_read()
    {
        var longName = new string('x', ReferenceCsvParser<ProviderRow>.MaxLineLength);

        var result = Parse(ReferenceCsv.Providers, Header, $"73730001;{longName};achteraf;nee", "7373000X;Aan Zee;achteraf;nee");

        Assert.Equal(
            ["providers.csv:2: row: longer than 4096 characters", "providers.csv:3: agb: not 8 digits: \"7373000X\""],
            Problems(result));
    }

    [Fact]
    public void Lines_end_at_LF_CR_LF_or_a_lone_CR_and_are_numbered_by_all_three()
    {
        // A lone CR is a line end of its own (old Mac exports), and the last line needs no line end.
        var text = $"{Header}\r{Good}\r\n\r73730002;Het Baken;achteraf;nee\n7373000X;Aan Zee;achteraf;nee";

        var result = ReferenceCsv.Providers.Parse(new StringReader(text));

        Assert.Equal(
            ["providers.csv:3: row: empty line", "providers.csv:5: agb: not 8 digits: \"7373000X\""],
            Problems(result));
    }

    [Fact]
    public void Quotes_are_ordinary_characters_so_a_quoted_separator_still_separates()
    {
        var result = Parse(ReferenceCsv.Providers, Header, "73730001;\"De Linde\";achteraf;nee", "73730002;\"Baken; Het\";achteraf;nee");

        Assert.Equal(["providers.csv:3: row: expected 4 fields, found 5"], Problems(result));

        var quoted = Parse(ReferenceCsv.Providers, Header, "73730001;\"De Linde\";achteraf;nee");
        Assert.Equal("\"De Linde\"", Assert.Single(quoted.Rows).Naam);
    }

    [Fact]
    public void A_line_longer_than_the_CSV_library_holds_is_still_one_problem_and_the_next_line_is_read()
    {
        // Sep itself stops at a row of 16 M characters; the parser cuts every line long before that.
        var huge = new string('x', 17_000_000);

        var result = Parse(ReferenceCsv.Providers, Header, huge, "7373000X;Aan Zee;achteraf;nee");

        Assert.Equal(
            ["providers.csv:2: row: longer than 4096 characters", "providers.csv:3: agb: not 8 digits: \"7373000X\""],
            Problems(result));
    }

    [Fact]
    public void A_reader_that_hands_out_a_few_characters_at_a_time_gives_the_same_problems()
    {
        var longName = new string('x', ReferenceCsvParser<ProviderRow>.MaxLineLength);
        var text = $"\uFEFF{Header}\r\n{Good}\r\n73730002;{longName};achteraf;nee\r\n\r\n7373000X;Aan Zee;achteraf;nee\r\n";

        var result = ReferenceCsv.Providers.Parse(new TrickleReader(text, 3));

        Assert.Equal(
            [
                "providers.csv:3: row: longer than 4096 characters",
                "providers.csv:4: row: empty line",
                "providers.csv:5: agb: not 8 digits: \"7373000X\"",
            ],
            Problems(result));
    }

    [Fact]
    public void Fields_are_not_trimmed_so_a_padded_value_is_wrong()
    {
        var result = Parse(ReferenceCsv.Providers, Header, " 73730001;De Linde;werkvoorschot;nee");

        Assert.Equal(["providers.csv:2: agb: not 8 digits: \" 73730001\""], Problems(result));
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported_in_column_order()
    {
        var result = Parse(ReferenceCsv.Providers, Header, "1;;voorschot;misschien");

        Assert.Equal(
            [
                "providers.csv:2: agb: not 8 digits: \"1\"",
                "providers.csv:2: naam: missing",
                "providers.csv:2: regime: not werkvoorschot or achteraf: \"voorschot\"",
                "providers.csv:2: crisisafspraak: not ja or nee: \"misschien\"",
            ],
            Problems(result));
    }

    [Fact]
    public void A_long_value_is_echoed_cut_short()
    {
        var result = Parse(ReferenceCsv.Providers, Header, $"73730001;De Linde;{new string('w', 60)};nee");

        Assert.Equal([$"providers.csv:2: regime: not werkvoorschot or achteraf: \"{new string('w', 40)}…\""], Problems(result));
    }

    [Fact]
    public void A_file_with_one_bad_row_gives_no_rows_at_all()
    {
        var result = Parse(ReferenceCsv.Providers, Header, Good, "73730002;Het Baken;werkvoorschot;JA");

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(0, result.RowCount);
    }

    [Fact]
    public void Problems_are_kept_up_to_the_cap_and_counted_beyond_it()
    {
        var lines = new[] { Header }.Concat(Enumerable.Range(0, 150).Select(_ => "bad;De Linde;achteraf;nee")).ToArray();

        var result = Parse(ReferenceCsv.Providers, lines);

        Assert.Equal(150, result.ProblemCount);
        Assert.Equal(ReferenceCsvParser<ProviderRow>.MaxProblemsKept, result.Problems.Count);
        Assert.Equal("providers.csv:101: agb: not 8 digits: \"bad\"", result.Problems[^1].ToString());
    }

    [Fact]
    public void Problems_found_across_rows_are_listed_in_line_order()
    {
        // The duplicate on line 3 is found after all rows are read, the bad regime on line 4 while reading.
        var result = Parse(ReferenceCsv.Providers, Header, Good, Good, "73730002;Het Baken;nooit;ja");

        Assert.Equal(
            ["providers.csv:3: agb: duplicate of line 2", "providers.csv:4: regime: not werkvoorschot or achteraf: \"nooit\""],
            Problems(result));
    }

    [Fact]
    public void The_problem_text_has_the_shape_file_line_column_problem()
    {
        var problem = new ReferenceProblem("tarieven.csv", 7, "tarief_cent", "not a whole number of cents: \"12,50\"");

        Assert.Equal("tarieven.csv:7: tarief_cent: not a whole number of cents: \"12,50\"", problem.ToString());
    }
}
