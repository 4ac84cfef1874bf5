namespace WlzMessaging.Generator.Tests;

public class BsnTests
{
    [Theory]
    [InlineData(111222333, true)]
    [InlineData(123456782, true)]
    [InlineData(123456789, false)]
    [InlineData(999999999, false)]
    [InlineData(0, false)]
    [InlineData(1_000_000_000, false)]
    public void Elfproef_accepts_only_numbers_whose_weighted_sum_divides_by_eleven(long bsn, bool valid) =>
        Assert.Equal(valid, WlzMessaging.Reference.Elfproef.IsValidBsn(bsn));

    [Fact]
    public void Elfproef_on_digits_rejects_anything_but_nine_digits()
    {
        Assert.True(WlzMessaging.Reference.Elfproef.IsValidBsn("123456782"u8));
        Assert.False(WlzMessaging.Reference.Elfproef.IsValidBsn("000000000"u8));
        Assert.False(WlzMessaging.Reference.Elfproef.IsValidBsn("12345678"u8));
        Assert.False(WlzMessaging.Reference.Elfproef.IsValidBsn("12345678X"u8));
    }

    [Fact]
    public void Synthetic_numbers_are_distinct_start_with_nine_and_pass_the_elfproef()
    {
        // Crosses the first block boundary (10^6), where the eighth digit switches to its second possible value.
        var seen = new HashSet<int>();
        for (var i = 0; i < 1_100_000; i += i < 990_000 ? 7 : 1)
        {
            var bsn = Bsn.Synthetic(i, seed: 12345);
            Assert.InRange(bsn, 900_000_000, 999_999_998);
            Assert.True(WlzMessaging.Reference.Elfproef.IsValidBsn(bsn), $"{i}");
            Assert.True(seen.Add(bsn), $"index {i} repeats a number");
        }
    }

    [Fact]
    public void Synthetic_numbers_reach_the_last_index()
    {
        var last = Bsn.Synthetic(Bsn.MaxSynthetic - 1, seed: 7);
        Assert.True(WlzMessaging.Reference.Elfproef.IsValidBsn(last));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bsn.Synthetic(Bsn.MaxSynthetic, seed: 7));
    }
}
