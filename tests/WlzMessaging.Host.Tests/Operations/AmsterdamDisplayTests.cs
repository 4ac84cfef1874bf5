using WlzMessaging.Ingestion;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>The one way the views show a time: Amsterdam wall-clock time with the zone in force then, never UTC.</summary>
public sealed class AmsterdamDisplayTests
{
    [Theory]
    [InlineData("2025-02-10T13:03:59Z", "2025-02-10 14:03 CET")]
    [InlineData("2025-07-01T07:30:00Z", "2025-07-01 09:30 CEST")]
    [InlineData("2025-03-30T00:59:00Z", "2025-03-30 01:59 CET")]     // the last minute of winter time
    [InlineData("2025-03-30T01:00:00Z", "2025-03-30 03:00 CEST")]
    [InlineData("2025-10-26T00:30:00Z", "2025-10-26 02:30 CEST")]    // 02:30 comes twice in October: the zone tells them apart
    [InlineData("2025-10-26T01:30:00Z", "2025-10-26 02:30 CET")]
    [InlineData("2025-12-31T23:30:00Z", "2026-01-01 00:30 CET")]     // another day, another year in Amsterdam
    public void An_instant_is_shown_in_Amsterdam_with_its_zone(string utc, string shown)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(shown, Amsterdam.Display(instant));
        Assert.Equal(shown, Amsterdam.Display(instant.ToOffset(TimeSpan.FromHours(-7))));
        Assert.Equal(shown[11..], Amsterdam.TimeOfDay(instant));
    }
}
