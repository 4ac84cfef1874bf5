using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Storage.Nightly;

/// <summary>A line listed for resubmission: what a provider needs to find it again (never the client).</summary>
public sealed record MazResubmission(
    int ProviderAgb, long FileId, string FileName, long RecordId, string Referentienummer, string Prestatiecode, int DeclarationYear,
    short Retourcode, long DeclaredCents);

/// <summary>
/// Late MAZ registrations: production lines rejected only for the MAZ (8290 no MAZ, 8287 a MAZ that does not cover the whole
/// line) in an open declaration year that a MAZ period in the maz table now holds wholly, the very check the adjudicator
/// makes (<c>ReferenceSnapshot.CheckMaz</c> = Whole: one period with begindatum on or before 0414 and einddatum, if any, on or
/// after 0415). Listed in maz_resubmission for the provider to send again; the AW320 that rejected them stays as it is.
/// </summary>
/// <remarks>
/// The maz table keeps no date of registration, so "late" is: rejected for the MAZ, covered now, and not listed by an
/// earlier nightly run (specs/operations.md, Decision). A line whose reference the provider has since had approved is not
/// listed: it was sent again already.
/// </remarks>
public static class MazResubmissions
{
    private const string ListSql = """
        INSERT INTO maz_resubmission (file_id, record_id, provider_agb, declaration_year, prestatiecode, referentienummer,
                                      retourcode, declared_cents, listed_on)
        SELECT l.file_id, l.record_id, l.provider_agb, l.declaration_year, l.prestatiecode, l.referentienummer,
               l.retourcode_1, l.declared_cents, @date
        FROM declaration_line l
        WHERE NOT l.approved AND l.production
          AND l.retourcode_1 IN (8290, 8287)
          AND (l.retourcode_2 IS NULL OR l.retourcode_2 IN (8290, 8287))
          AND (l.retourcode_3 IS NULL OR l.retourcode_3 IN (8290, 8287))
          AND l.declaration_year = ANY(@open_years)
          AND l.begin_date IS NOT NULL AND l.end_date IS NOT NULL AND l.begin_date <= l.end_date
          AND l.received_on <= @date
          AND EXISTS (SELECT 1 FROM maz m
                      WHERE m.bsn = l.bsn AND m.agb = l.provider_agb
                        AND m.begindatum <= l.begin_date AND (m.einddatum IS NULL OR m.einddatum >= l.end_date))
          AND NOT EXISTS (SELECT 1 FROM declaration_line a
                          WHERE a.provider_agb = l.provider_agb AND a.referentienummer = l.referentienummer
                            AND a.approved AND a.production)
        ON CONFLICT (file_id, record_id) DO NOTHING
        """;

    private const string ReadSql = """
        SELECT r.provider_agb AS ProviderAgb, r.file_id AS FileId, f.file_name AS FileName, r.record_id AS RecordId,
               r.referentienummer AS Referentienummer, r.prestatiecode AS Prestatiecode, r.declaration_year::int AS DeclarationYear,
               r.retourcode AS Retourcode, r.declared_cents AS DeclaredCents
        FROM maz_resubmission r
        JOIN vektis_file f ON f.id = r.file_id
        WHERE r.listed_on = @date
        ORDER BY r.provider_agb, r.file_id, r.record_id
        """;

    /// <summary>Lists the lines the current maz table now covers; returns the lines listed on the date (by any run of it).</summary>
    /// <param name="openYears">The declaration years still open on the date (lines of a closed year cannot be sent again).</param>
    public static async Task<List<MazResubmission>> ListAsync(NightlyDay day, IReadOnlyCollection<int> openYears, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(openYears);
        await day.Command(ListSql)
            .With("date", day.Date)
            .With("open_years", openYears.Select(y => (short)y).ToArray())
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return await day.QueryAsync<MazResubmission>(ReadSql, new { date = day.Date }, cancellationToken).ConfigureAwait(false);
    }
}
