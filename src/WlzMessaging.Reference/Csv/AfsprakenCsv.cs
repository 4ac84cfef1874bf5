namespace WlzMessaging.Reference.Csv;

/// <summary>
/// afspraken.csv: <c>agb;jaar;jaarafspraak_cent;geldig_vanaf</c>. Several rows for one agb and year are the agreement and
/// its herschikkingen; two on the same geldig_vanaf would leave the agreement of that day undecided.
/// </summary>
public sealed class AfsprakenCsv : ReferenceCsvParser<AfspraakRow>
{
    internal AfsprakenCsv()
        : base("afspraken.csv", ["agb", "jaar", "jaarafspraak_cent", "geldig_vanaf"], holdsBsn: false)
    {
    }

    private protected override AfspraakRow? ParseRow(CsvRow row)
    {
        var agb = row.Agb(0);
        var jaar = row.Jaar(1);
        var cent = row.Cents(2);
        var geldigVanaf = row.Date(3);
        return row.HasProblems ? null : new AfspraakRow(agb, jaar, cent, geldigVanaf);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<AfspraakRow>> rows, FileChecks checks) =>
        checks.Unique(rows, r => (r.Agb, r.Jaar, r.GeldigVanaf), "agb,jaar,geldig_vanaf");
}
