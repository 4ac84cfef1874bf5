using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;

namespace WlzMessaging.Host.Tests.Operations;

public sealed class NightlyReportViewTests
{
    [Fact]
    public void Drops_personal_properties_and_masks_nine_digit_values_but_keeps_providers_and_counts()
    {
        var report = NightlyReportView.Redact("""
            {"date": "2025-03-04", "corrections": 12, "bsn": 999000001, "lateMaz": [{"clientBsn": "999000002", "geboortedatum": "1950-01-01",
             "naam": "Jansen", "providerName": "Zorggroep De Linde", "agb": 73730001, "line": "999000003"}], "perProvider": {"73730001": 3}}
            """);

        var json = report!.ToJsonString();
        Assert.DoesNotContain("99900000", json, StringComparison.Ordinal);
        Assert.DoesNotContain("1950", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", json, StringComparison.Ordinal);
        Assert.Contains("\"providerName\":\"Zorggroep De Linde\"", json, StringComparison.Ordinal);
        Assert.Contains("\"agb\":73730001", json, StringComparison.Ordinal);
        Assert.Contains("\"line\":\"(hidden)\"", json, StringComparison.Ordinal);
        Assert.Contains("\"73730001\":3", json, StringComparison.Ordinal);
        Assert.Equal([("date", "2025-03-04"), ("corrections", "12")], NightlyReportView.TopLevel(report));
    }

    [Fact]
    public void Amounts_in_cents_are_money_however_many_digits_they_have()
    {
        var report = NightlyReportView.Redact("""
            {"herschikkingen": [{"oldAmountCents": 850000000, "newAmountCents": 870000000, "volume": 850000000}]}
            """);

        var json = report!.ToJsonString();
        Assert.Contains("\"oldAmountCents\":850000000", json, StringComparison.Ordinal);
        Assert.Contains("\"volume\":\"(hidden)\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    public void No_report_or_a_broken_one_shows_nothing(string? json)
    {
        Assert.Null(NightlyReportView.Redact(json));
    }
}
