using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Ingestion.Nightly;
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
        Assert.Equal([new NightlyFigure("Corrections", "12")], NightlyReportView.Figures(report));
    }

    [Fact]
    public void A_real_report_reads_as_labelled_figures_with_euros_in_a_fixed_order()
    {
        var report = new NightlyReport
        {
            Date = new DateOnly(2025, 3, 11),
            FilesProcessed = 3,
            Credits = 3,
            CreditsUnmatched = 1,
            Redebits = 1,
            CorrectionNetCents = -663_050,
            ProductionYearsRecomputed = 2,
            TariffCorrections = 1,
            TariffCorrectionCents = 3_255,
            LateMazLines = 0,
            OpenYears = [2024, 2025],
            Files = new NightlyFiles("processed", 2, 1, 0, 0, 0, 0, 0, 0, 0),
            Providers = [new NightlyProvider { Agb = "03730001", ProviderName = "Zorggroep De Linde", Credits = 3 }],
        };

        var figures = NightlyReportView.Figures(NightlyReportView.Redact(NightlyJob.ToJson(report)));

        Assert.Equal(
            [
                new NightlyFigure("Files answered", "3"),
                new NightlyFigure("Files rejected as a whole", "1"),
                new NightlyFigure("Files quarantined", "0"),
                new NightlyFigure("Stale claims released", "0"),
                new NightlyFigure("Credits matched", "2"),
                new NightlyFigure("Credits without their debit", "1"),
                new NightlyFigure("Re-debits matched", "1"),
                new NightlyFigure("Corrections, net", "-€6,630.50"),
                new NightlyFigure("Production recomputed (provider-years)", "2"),
                new NightlyFigure("Tariff corrections", "1"),
                new NightlyFigure("Tariff corrections, amount", "€32.55"),
                new NightlyFigure("Herschikkingen taking effect", "0"),
                new NightlyFigure("Late MAZ lines listed for resubmission", "0"),
                new NightlyFigure("Open declaration years", "2024, 2025"),
            ],
            figures);
    }

    [Fact]
    public void Figures_never_show_what_the_redaction_took_out()
    {
        var report = NightlyReportView.Redact("""
            {"creditsMatched": 14, "clientBsn": 999000001, "reference": "999000002", "amountCents": 123456789}
            """);

        var figures = NightlyReportView.Figures(report);

        Assert.Equal(
            [new NightlyFigure("Credits matched", "14"), new NightlyFigure("Reference", NightlyReportView.Masked), new NightlyFigure("Amount", "€1,234,567.89")],
            figures);
        Assert.DoesNotContain(figures, f => f.Value.Contains("99900000", StringComparison.Ordinal) || f.Label.Contains("bsn", StringComparison.OrdinalIgnoreCase));
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
