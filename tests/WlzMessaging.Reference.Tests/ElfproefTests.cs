namespace WlzMessaging.Reference.Tests;

public class ElfproefTests
{
    [Theory]
    [InlineData(999990019)]
    [InlineData(123456782)]
    [InlineData(12345611)] // 012345611: a BSN with a leading zero
    public void A_number_whose_weighted_sum_is_a_multiple_of_11_passes(int bsn)
    {
        Assert.True(Elfproef.IsValidBsn(bsn));
    }

    [Theory]
    [InlineData(123456789)]
    [InlineData(999990018)]
    [InlineData(999999999)] // the AW319's "no BSN": not a BSN of anyone
    [InlineData(0)]
    [InlineData(-123456782)]
    [InlineData(1_234_567_820)] // ten digits
    public void Other_numbers_fail(int bsn)
    {
        Assert.False(Elfproef.IsValidBsn(bsn));
    }
}
