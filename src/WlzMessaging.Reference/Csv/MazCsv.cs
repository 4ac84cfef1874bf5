namespace WlzMessaging.Reference.Csv;

/// <summary>
/// maz.csv: <c>bsn;agb;begindatum;einddatum</c>. Holds BSNs: no problem message echoes a value of this file.
/// </summary>
/// <remarks>
/// Overlapping periods of one client and provider are accepted: they leave no lookup undecided (the adjudicator asks whether
/// any period touches a line and whether one holds it wholly). Only a second row with the same begindatum is refused.
/// </remarks>
public sealed class MazCsv : ReferenceCsvParser<MazRow>
{
    internal MazCsv()
        : base("maz.csv", ["bsn", "agb", "begindatum", "einddatum"], holdsBsn: true)
    {
    }

    private protected override MazRow? ParseRow(CsvRow row)
    {
        var bsn = row.Bsn(0);
        var agb = row.Agb(1);
        var begindatum = row.Date(2);
        var einddatum = row.OptionalDate(3);
        row.EndNotBeforeBegin(2, begindatum, 3, einddatum);
        return row.HasProblems ? null : new MazRow(bsn, agb, begindatum, einddatum);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<MazRow>> rows, FileChecks checks) =>
        checks.Unique(rows, r => (r.Bsn, r.Agb, r.Begindatum), "bsn,agb,begindatum");
}
