namespace WlzMessaging.Reference.Tests;

public class PrestatieCodeTests
{
    [Fact]
    public void FromAscii_drops_the_padding_spaces_of_the_AW319_field()
    {
        var fromField = PrestatieCode.FromAscii("Z015 "u8);

        Assert.Equal(PrestatieCode.Parse("Z015"), fromField);
        Assert.Equal("Z015", fromField.ToString());
    }

    [Fact]
    public void FromAscii_keeps_a_full_five_character_code_whole()
    {
        var code = PrestatieCode.FromAscii("ZMZ01"u8);

        Assert.Equal("ZMZ01", code.ToString());
        Assert.Equal(PrestatieCode.Parse("ZMZ01"), code);
    }

    [Fact]
    public void FromAscii_does_not_drop_leading_spaces_so_a_misaligned_code_matches_nothing()
    {
        Assert.NotEqual(PrestatieCode.Parse("Z015"), PrestatieCode.FromAscii(" Z015"u8));
    }

    [Fact]
    public void A_field_of_only_spaces_is_the_empty_code()
    {
        var code = PrestatieCode.FromAscii("     "u8);

        Assert.True(code.IsEmpty);
        Assert.Equal(default, code);
        Assert.Equal(string.Empty, code.ToString());
    }

    [Fact]
    public void FromAscii_refuses_more_than_five_bytes_as_a_slicing_error()
    {
        Assert.Throws<ArgumentException>(() => PrestatieCode.FromAscii("ZMZ012"u8));
    }

    [Fact]
    public void Codes_that_share_a_prefix_differ()
    {
        Assert.NotEqual(PrestatieCode.Parse("Z01"), PrestatieCode.Parse("Z015"));
        Assert.NotEqual(PrestatieCode.Parse("Z015").Packed, PrestatieCode.Parse("Z0150").Packed);
    }

    [Fact]
    public void Packed_codes_sort_like_their_text()
    {
        string[] texts = ["ZMZ01", "H126", "Z015", "F125", "H300", "Z01", "I001"];

        var byCode = texts.Select(PrestatieCode.Parse).Order().Select(c => c.ToString());

        Assert.Equal(texts.Order(StringComparer.Ordinal), byCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("z015")]
    [InlineData("Z0150X")]
    [InlineData("Z 15")]
    [InlineData("Z-15")]
    public void TryParse_refuses_text_that_is_not_1_to_5_characters_A_to_Z_or_0_to_9(string text)
    {
        Assert.False(PrestatieCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PrestatieCode.Parse(text));
    }
}
