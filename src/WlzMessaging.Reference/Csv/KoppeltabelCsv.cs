namespace WlzMessaging.Reference.Csv;

/// <summary>
/// koppeltabel.csv:
/// <c>prestatiecodelijst;prestatiecode;omschrijving;zzpcodes;functiecodes;eenheid;prestatiegroep;ingangsdatum;einddatum</c>.
/// A code may have several rows (a new version from a new ingangsdatum), but never two in force on the same day: the
/// adjudicator must find one answer for a line.
/// </summary>
public sealed class KoppeltabelCsv : ReferenceCsvParser<KoppeltabelRow>
{
    internal KoppeltabelCsv()
        : base(
            "koppeltabel.csv",
            ["prestatiecodelijst", "prestatiecode", "omschrijving", "zzpcodes", "functiecodes", "eenheid", "prestatiegroep", "ingangsdatum", "einddatum"],
            holdsBsn: false)
    {
    }

    private protected override KoppeltabelRow? ParseRow(CsvRow row)
    {
        var lijst = row.FixedDigits(0, 3, "not 3 digits");
        var code = row.Prestatiecode(1);
        var omschrijving = row.Text(2, required: false);
        var zzpcodes = row.CodeList(3, digits: 3);
        var functiecodes = row.CodeList(4, digits: 2);
        var eenheid = row.Choice(
            5,
            "not one of 01, 04, 14, 16, 81",
            ("01", Tijdseenheid.Minuut),
            ("04", Tijdseenheid.Uur),
            ("14", Tijdseenheid.Etmaal),
            ("16", Tijdseenheid.Dagdeel),
            ("81", Tijdseenheid.Tijdsonafhankelijk));
        var prestatiegroep = Prestatiegroep(row, 6);
        var ingangsdatum = row.Date(7);
        var einddatum = row.OptionalDate(8);
        row.EndNotBeforeBegin(7, ingangsdatum, 8, einddatum);
        return row.HasProblems
            ? null
            : new KoppeltabelRow(lijst, code, omschrijving, zzpcodes, functiecodes, eenheid, prestatiegroep, ingangsdatum, einddatum);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<KoppeltabelRow>> rows, FileChecks checks) =>
        checks.NoOverlap(rows, r => (r.Prestatiecodelijst, r.Prestatiecode), r => r.Ingangsdatum, r => r.Einddatum, "ingangsdatum,einddatum");

    // Optional: some codes (H300 in the 2019 table) have no prestatiegroep.
    private static int? Prestatiegroep(CsvRow row, int column)
    {
        var field = row.Field(column);
        if (field.Length == 0)
        {
            return null;
        }

        if (field.Length > 3 || field.ContainsAnyExceptInRange('0', '9'))
        {
            row.Report(column, "not 1-3 digits");
            return null;
        }

        return int.Parse(field, System.Globalization.CultureInfo.InvariantCulture);
    }
}
