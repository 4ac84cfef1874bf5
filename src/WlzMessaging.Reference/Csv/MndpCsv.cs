namespace WlzMessaging.Reference.Csv;

/// <summary>
/// mndp.csv: <c>agb;jaar;maand;prestatiecode;aantal;tarief_cent;ingediend_op</c>. A provider may submit a month again (a
/// later ingediend_op); the same month, prestatiecode and ingediend_op twice is a duplicate.
/// </summary>
public sealed class MndpCsv : ReferenceCsvParser<MndpRow>
{
    internal MndpCsv()
        : base("mndp.csv", ["agb", "jaar", "maand", "prestatiecode", "aantal", "tarief_cent", "ingediend_op"], holdsBsn: false)
    {
    }

    private protected override MndpRow? ParseRow(CsvRow row)
    {
        var agb = row.Agb(0);
        var jaar = row.Jaar(1);
        var maand = row.Maand(2);
        var code = row.Prestatiecode(3);
        var aantal = row.Count(4);
        var tarief = row.Cents(5);
        var ingediendOp = row.Date(6);
        return row.HasProblems ? null : new MndpRow(agb, jaar, maand, code, aantal, tarief, ingediendOp);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<MndpRow>> rows, FileChecks checks) =>
        checks.Unique(rows, r => (r.Agb, r.Jaar, r.Maand, r.Prestatiecode, r.IngediendOp), "agb,jaar,maand,prestatiecode,ingediend_op");
}
