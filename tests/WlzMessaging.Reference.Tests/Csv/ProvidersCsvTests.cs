using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

public class ProvidersCsvTests
{
    private const string Header = "agb;naam;regime;crisisafspraak";

    [Fact]
    public void A_row_becomes_a_provider_with_its_regime_and_crisis_agreement()
    {
        var result = Parse(ReferenceCsv.Providers, Header, "73730002;Stichting Het Baken;werkvoorschot;ja", "73730003;Aan Zee;achteraf;nee");

        Assert.Equal(
            [new ProviderRow(73730002, "Stichting Het Baken", Regime.Werkvoorschot, true), new ProviderRow(73730003, "Aan Zee", Regime.Achteraf, false)],
            result.Rows);
    }

    [Theory]
    [InlineData("7373000;De Linde;achteraf;nee", "agb: not 8 digits: \"7373000\"")]
    [InlineData("737300011;De Linde;achteraf;nee", "agb: not 8 digits: \"737300011\"")]
    [InlineData("7373O001;De Linde;achteraf;nee", "agb: not 8 digits: \"7373O001\"")]
    [InlineData(";De Linde;achteraf;nee", "agb: missing")]
    [InlineData("73730001;;achteraf;nee", "naam: missing")]
    [InlineData("73730001;De Linde;Achteraf;nee", "regime: not werkvoorschot or achteraf: \"Achteraf\"")]
    [InlineData("73730001;De Linde;;nee", "regime: missing")]
    [InlineData("73730001;De Linde;achteraf;yes", "crisisafspraak: not ja or nee: \"yes\"")]
    public void A_bad_value_is_reported_with_file_line_and_column(string row, string problem)
    {
        var result = Parse(ReferenceCsv.Providers, Header, "73730009;Goed;achteraf;nee", row);

        Assert.Equal([$"providers.csv:3: {problem}"], Problems(result));
    }

    [Fact]
    public void The_same_agb_twice_is_a_duplicate()
    {
        var result = Parse(ReferenceCsv.Providers, Header, "73730001;De Linde;achteraf;nee", "73730002;Het Baken;achteraf;ja", "73730001;De Linde bis;achteraf;nee");

        Assert.Equal(["providers.csv:4: agb: duplicate of line 2"], Problems(result));
    }
}
