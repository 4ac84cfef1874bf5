namespace WlzMessaging.Reference.Csv;

/// <summary>
/// toewijzingen.csv:
/// <c>bsn;besluitnummer;toewijzingnummer;zzpcode;functiecode;leveringsvorm;agb;ingangsdatum;einddatum;zorg_begindatum;zorg_einddatum</c>:
/// the toewijzingen as they stand, for a zorgkantoor without iWlz message files (and for tests). The iWlz messages give the
/// same rows (<see cref="Iwlz.IwlzMessageSet"/>). Holds BSNs: no problem message echoes a value of this file.
/// </summary>
public sealed class ToewijzingenCsv : ReferenceCsvParser<ToewijzingRow>
{
    internal ToewijzingenCsv()
        : base(
            "toewijzingen.csv",
            ["bsn", "besluitnummer", "toewijzingnummer", "zzpcode", "functiecode", "leveringsvorm", "agb", "ingangsdatum", "einddatum",
                "zorg_begindatum", "zorg_einddatum"],
            holdsBsn: true)
    {
    }

    private protected override ToewijzingRow? ParseRow(CsvRow row)
    {
        var bsn = row.Bsn(0);
        var besluitnummer = Nummer(row, 1);
        var toewijzingnummer = Nummer(row, 2);
        var zzp = row.Field(3).Length == 0 ? 0 : row.FixedDigits(3, 3, "not 3 digits");
        var functie = row.Field(4).Length == 0 ? 0 : row.FixedDigits(4, 2, "not 2 digits");
        if (row.Field(3).Length == 0 == (row.Field(4).Length == 0))
        {
            row.Report(3, "give either a zzpcode or a functiecode");
        }

        var leveringsvorm = row.Choice(
            5,
            "not one of 1, 2, 3, 4, 5",
            ("1", Leveringsvorm.Verblijf),
            ("2", Leveringsvorm.Vpt),
            ("3", Leveringsvorm.Mpt),
            ("4", Leveringsvorm.Pgb),
            ("5", Leveringsvorm.Overig));
        if (functie != 0 && leveringsvorm != Leveringsvorm.Mpt && !row.HasProblems)
        {
            // An AW33 carries no Leveringsvorm for a functie: it is modular care at home, as the messages read it.
            row.Report(5, "a functie is toegewezen as 3 (MPT)");
        }

        var agb = row.Agb(6);
        var ingangsdatum = row.Date(7);
        var einddatum = row.OptionalDate(8);
        row.EndNotBeforeBegin(7, ingangsdatum, 8, einddatum);
        var zorgBegin = row.OptionalDate(9);
        var zorgEinde = row.OptionalDate(10);
        if (zorgEinde is not null && zorgBegin is null)
        {
            row.Report(10, "an end of care without a start of care");
        }
        else if (zorgBegin is { } begin)
        {
            row.EndNotBeforeBegin(9, begin, 10, zorgEinde);
        }

        return row.HasProblems
            ? null
            : new ToewijzingRow(bsn, besluitnummer, toewijzingnummer, zzp, functie, leveringsvorm, agb, ingangsdatum, einddatum, zorgBegin, zorgEinde);
    }

    private protected override void CheckFile(IReadOnlyList<Numbered<ToewijzingRow>> rows, FileChecks checks) =>
        checks.Unique(rows, r => r.Toewijzingnummer, "toewijzingnummer");

    // iWlz numbers (LDT_Nummer, LDT_Besluitnummer): digits, at most 18 so they fit a long.
    private static long Nummer(CsvRow row, int column)
    {
        var field = row.Field(column);
        if (field.Length == 0)
        {
            row.Report(column, "missing");
            return 0;
        }

        if (field.Length > 18 || field.ContainsAnyExceptInRange('0', '9'))
        {
            row.Report(column, "not 1-18 digits");
            return 0;
        }

        return long.Parse(field, System.Globalization.CultureInfo.InvariantCulture);
    }
}
