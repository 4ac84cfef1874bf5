using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Reference.Tests.Csv;

/// <summary>The bound on a line's length that stands in front of Sep: what gets through, whatever the reads' sizes.</summary>
public class LineLengthLimitTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(4096)]
    public void Lines_up_to_the_limit_pass_whole_and_longer_ones_are_cut_one_character_past_it(int chunk)
    {
        var text = "abcde\r\n" + "abcdef\n" + "abcdefghijkl\r" + "\r\n" + "abcdefgh";

        var passed = new LineLengthLimit(new TrickleReader(text, chunk), maxLength: 5).ReadToEnd();

        Assert.Equal("abcde\r\n" + "abcdef\n" + "abcdef\r" + "\r\n" + "abcdef", passed);
    }

    [Fact]
    public void A_text_of_nothing_but_an_overlong_line_ends_after_its_cut()
    {
        var passed = new LineLengthLimit(new TrickleReader(new string('x', 100), 7), maxLength: 5).ReadToEnd();

        Assert.Equal("xxxxxx", passed);
    }

    [Fact]
    public void A_text_without_overlong_lines_passes_unchanged()
    {
        var text = "bsn;agb;begindatum;einddatum\n123456782;73730001;2026-01-01;\r\n";

        Assert.Equal(text, new LineLengthLimit(new StringReader(text), maxLength: 4096).ReadToEnd());
    }
}
