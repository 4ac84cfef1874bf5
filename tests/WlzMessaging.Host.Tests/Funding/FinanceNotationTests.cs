using System.Text.Json;
using WlzMessaging.Operations;
using WlzMessaging.Operations.Report;

namespace WlzMessaging.Host.Tests.Funding;

/// <summary>What finance reads: euros signed by direction, Amsterdam times with their zone, AGB codes as 8-digit strings in JSON.</summary>
public sealed class FinanceNotationTests
{
    [Theory]
    [InlineData(123_456_789L, "+€1,234,567.89")]
    [InlineData(-500_000L, "-€5,000.00")]
    [InlineData(1L, "+€0.01")]
    [InlineData(0L, "€0.00")]
    public void Signed_amounts_say_which_way_the_money_goes(long cents, string expected) =>
        Assert.Equal(expected, Money.Signed(cents));

    [Theory]
    [InlineData("2024-01-15T09:30:00Z", "2024-01-15 10:30 CET")]
    [InlineData("2024-07-01T09:30:00Z", "2024-07-01 11:30 CEST")]
    [InlineData("2024-03-31T00:59:00Z", "2024-03-31 01:59 CET")]
    [InlineData("2024-03-31T01:00:00Z", "2024-03-31 03:00 CEST")]
    [InlineData("2024-12-31T23:30:00Z", "2025-01-01 00:30 CET")]
    public void Times_are_Amsterdam_times_with_the_zone_shown(string utc, string expected) =>
        Assert.Equal(expected, OutputFormats.Time(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_AGB_code_in_the_operators_JSON_is_a_string_of_8_digits_with_its_leading_zero()
    {
        var file = new ReportOverdueFile(1, "a.aw319", AgbText.Of(1_234_567), "answered", new DateOnly(2025, 2, 10), null, 30);
        var json = JsonSerializer.SerializeToElement(file, OperationsJson.Default.ReportOverdueFile);

        Assert.Equal(JsonValueKind.String, json.GetProperty("agb").ValueKind);
        Assert.Equal("01234567", json.GetProperty("agb").GetString());
        var none = JsonSerializer.SerializeToElement(file with { Agb = null }, OperationsJson.Default.ReportOverdueFile);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("agb").ValueKind);
    }
}
