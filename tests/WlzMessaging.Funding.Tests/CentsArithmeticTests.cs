namespace WlzMessaging.Funding.Tests;

public sealed class CentsArithmeticTests
{
    [Theory]
    [InlineData(5, 2, 3)]
    [InlineData(-5, 2, -3)]
    [InlineData(7, 2, 4)]
    [InlineData(-7, 2, -4)]
    [InlineData(4, 3, 1)]
    [InlineData(-4, 3, -1)]
    [InlineData(5, 3, 2)]
    [InlineData(-5, 3, -2)]
    [InlineData(1, 2, 1)]
    [InlineData(-1, 2, -1)]
    [InlineData(0, 7, 0)]
    [InlineData(12_000_000_000, 1176, 10_204_082)]
    public void Rounds_once_half_away_from_zero(long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, CentsArithmetic.DivideRounded(numerator, denominator));
    }

    [Fact]
    public void Multiplies_beyond_the_range_of_a_long_before_dividing()
    {
        // long.MaxValue × 12 overflows a long; the exact product divided back must give the value itself.
        Assert.Equal(long.MaxValue, CentsArithmetic.MultiplyDivide(long.MaxValue, 12, 12));
    }

    [Fact]
    public void A_result_beyond_a_long_is_an_overflow_not_a_wrapped_amount()
    {
        Assert.Throws<OverflowException>(() => CentsArithmetic.MultiplyDivide(long.MaxValue, 2, 1));
    }

    [Fact]
    public void A_denominator_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CentsArithmetic.DivideRounded(1, 0));
    }

    [Fact]
    public void A_werkvoorschot_of_exactly_half_a_cent_rounds_up()
    {
        // 100,000,131 × 100 / 1176 = 8,503,412.5 exactly.
        Assert.Equal(8_503_413, AdvanceProtocolReader.Vgz2024.Werkvoorschot(100_000_131));
    }

    [Fact]
    public void A_werkvoorschot_just_below_half_a_cent_rounds_down()
    {
        // 100,000,130 × 100 / 1176 = 8,503,412.41…
        Assert.Equal(8_503_412, AdvanceProtocolReader.Vgz2024.Werkvoorschot(100_000_130));
    }

    [Fact]
    public void The_2025_werkvoorschot_of_J_126_000_000_is_10_714_286()
    {
        Assert.Equal(10_714_286, AdvanceProtocolReader.Vgz2024.Werkvoorschot(126_000_000));
    }

    [Fact]
    public void A_cap_of_exactly_half_a_cent_rounds_up()
    {
        // e = 3 on 2024-04-01: 3 × 100,000,002 / 12 = 25,000,000.5.
        var scenario = new FundingScenario(Build.Inputs(
            jaarafspraken: [Build.Jaarafspraak(2024, 100_000_002)],
            production: [Build.Received(2024, "2024-03-10", 30_000_000)]));

        var figures = scenario.Draft(Day.Of("2024-04-01")).For(Build.Agb).ProductionOf(2024)!;

        Assert.Equal(25_000_001, figures.CapCents);
        Assert.Equal(25_000_001, figures.DueCents);
    }

    [Fact]
    public void A_different_werkvoorschot_factor_is_taken_from_the_protocol()
    {
        var protocol = AdvanceProtocolReader.Vgz2024 with { WerkvoorschotFactor = new Fraction(1, 1) };

        Assert.Equal(10_000_000, protocol.Werkvoorschot(120_000_000));
    }
}
