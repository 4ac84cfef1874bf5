using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Inspect;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>The one money formatter: each notation the outputs show, pinned so a change to one output's text is seen.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData(0L, "€0.00")]
    [InlineData(5L, "€0.05")]
    [InlineData(-5L, "-€0.05")]
    [InlineData(123_456L, "€1,234.56")]
    [InlineData(-123_456_789L, "-€1,234,567.89")]
    public void Operators_read_euros_with_a_sign_and_thousands_by_comma(long cents, string text) =>
        Assert.Equal(text, Money.Operator(cents));

    [Theory]
    [InlineData(0L, "€ 0,00")]
    [InlineData(-100L, "-€ 1,00")]
    [InlineData(123_456_789L, "€ 1.234.567,89")]
    public void Providers_read_Dutch_notation(long cents, string text) => Assert.Equal(text, Money.Dutch(cents));

    [Theory]
    [InlineData(123_456L, "€ 1.235")]
    [InlineData(-123_449L, "-€ 1.234")]
    public void Whole_euros_are_rounded_in_Dutch_notation(long cents, string text) => Assert.Equal(text, Money.DutchWhole(cents));

    [Theory]
    [InlineData(123_456_789L, "€ 1,2 mln")]
    [InlineData(4_500_000L, "€ 45k")]
    [InlineData(340_000L, "€ 3,4k")]
    [InlineData(87_000L, "€ 870")]
    public void Chart_labels_are_compact(long cents, string text) => Assert.Equal(text, Money.DutchCompact(cents));

    [Theory]
    [InlineData(0L, "0.00 D")]
    [InlineData(760_430L, "7,604.30 D")]
    [InlineData(-760_430L, "7,604.30 C")]
    public void A_signed_amount_shows_its_magnitude_and_the_debet_credit_letter(long cents, string text) =>
        Assert.Equal(text, Money.DebetCredit(cents));

    [Fact]
    public void The_inspector_shows_an_amount_field_with_its_own_letter_and_a_question_mark_for_a_field_that_is_no_number()
    {
        Assert.Equal("7,604.30 C", Decode.Money(760_430, (byte)'C'));
        Assert.Equal("?", Decode.Money(-1, (byte)'D'));
        Assert.Equal("245.30", Decode.Euros(24_530));
        Assert.Equal("?", Decode.Euros(-1));
    }
}
