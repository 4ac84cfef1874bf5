namespace WlzMessaging.Reference.Csv;

/// <summary>
/// tarieven.csv: <c>agb;jaar;prestatiecode;tarief_cent;ingevoerd_op</c>. Several rows for one agb, year and prestatiecode
/// are its tariff and the changes to it; two on the same ingevoerd_op would leave the tariff of that day undecided.
/// </summary>
public sealed class TarievenCsv : ReferenceCsvParser<TariefRow>
{
    internal TarievenCsv()
        : base("tarieven.csv", ["agb", "jaar", "prestatiecode", "tarief_cent", "ingevoerd_op"], holdsBsn: false)
    {
    }

    private protected override TariefRow? ParseRow(CsvRow row)
    {
        var agb = row.Agb(0);
        var jaar = row.Jaar(1);
        var code = row.Prestatiecode(2);
        var tarief = row.Cents(3);
        var ingevoerdOp = row.Date(4);
        return row.HasProblems ? null : new TariefRow(agb, jaar, code, tarief, ingevoerdOp);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<TariefRow>> rows, FileChecks checks) =>
        checks.Unique(rows, r => (r.Agb, r.Jaar, r.Prestatiecode, r.IngevoerdOp), "agb,jaar,prestatiecode,ingevoerd_op");
}
