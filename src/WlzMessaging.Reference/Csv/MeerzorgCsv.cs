namespace WlzMessaging.Reference.Csv;

/// <summary>
/// meerzorg.csv: <c>bsn;agb;begindatum;einddatum;tarief_cent</c>. Holds BSNs: no problem message echoes a value of this
/// file. Two beschikkingen of one client and provider in force on the same day are refused: each carries its own tariff,
/// and a line must be checked against exactly one.
/// </summary>
public sealed class MeerzorgCsv : ReferenceCsvParser<MeerzorgRow>
{
    internal MeerzorgCsv()
        : base("meerzorg.csv", ["bsn", "agb", "begindatum", "einddatum", "tarief_cent"], holdsBsn: true)
    {
    }

    private protected override MeerzorgRow? ParseRow(CsvRow row)
    {
        var bsn = row.Bsn(0);
        var agb = row.Agb(1);
        var begindatum = row.Date(2);
        var einddatum = row.OptionalDate(3);
        row.EndNotBeforeBegin(2, begindatum, 3, einddatum);
        var tarief = row.Cents(4);
        return row.HasProblems ? null : new MeerzorgRow(bsn, agb, begindatum, einddatum, tarief);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<MeerzorgRow>> rows, FileChecks checks) =>
        checks.NoOverlap(rows, r => (r.Bsn, r.Agb), r => r.Begindatum, r => r.Einddatum, "begindatum,einddatum");
}
