namespace WlzMessaging.Reference.Csv;

/// <summary>
/// invorderingen.csv: <c>agb;jaar;bedrag_cent</c>, at most one open recovery per provider and year. A paid recovery leaves
/// the file, so an amount of 0 is a mistake.
/// </summary>
public sealed class InvorderingenCsv : ReferenceCsvParser<InvorderingRow>
{
    internal InvorderingenCsv()
        : base("invorderingen.csv", ["agb", "jaar", "bedrag_cent"], holdsBsn: false)
    {
    }

    private protected override InvorderingRow? ParseRow(CsvRow row)
    {
        var agb = row.Agb(0);
        var jaar = row.Jaar(1);
        var bedrag = row.PositiveCents(2);
        return row.HasProblems ? null : new InvorderingRow(agb, jaar, bedrag);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<InvorderingRow>> rows, FileChecks checks) =>
        checks.Unique(rows, r => (r.Agb, r.Jaar), "agb,jaar");
}
