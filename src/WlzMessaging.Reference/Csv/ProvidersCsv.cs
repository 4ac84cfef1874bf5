namespace WlzMessaging.Reference.Csv;

/// <summary>providers.csv: <c>agb;naam;regime;crisisafspraak</c>, one row per provider.</summary>
public sealed class ProvidersCsv : ReferenceCsvParser<ProviderRow>
{
    internal ProvidersCsv()
        : base("providers.csv", ["agb", "naam", "regime", "crisisafspraak"], holdsBsn: false)
    {
    }

    private protected override ProviderRow? ParseRow(CsvRow row)
    {
        var agb = row.Agb(0);
        var naam = row.Text(1, required: true);
        var regime = row.Choice(2, "not werkvoorschot or achteraf", ("werkvoorschot", Regime.Werkvoorschot), ("achteraf", Regime.Achteraf));
        var crisisafspraak = row.Choice(3, "not ja or nee", ("ja", true), ("nee", false));
        return row.HasProblems ? null : new ProviderRow(agb, naam, regime, crisisafspraak);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<ProviderRow>> rows, FileChecks checks) =>
        checks.Unique(rows, r => r.Agb, "agb");
}
