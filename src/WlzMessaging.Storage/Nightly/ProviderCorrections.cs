using NpgsqlTypes;
using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Storage.Nightly;

/// <summary>A provider's corrections matched by a nightly run (provider_correction rows of its date).</summary>
public sealed record ProviderCorrectionCount(int ProviderAgb, long Credits, long CreditsUnmatched, long Redebits, long NetCents);

/// <summary>A provider and year whose net production per month was recomputed.</summary>
public sealed record ProductionYear(int ProviderAgb, int Year, int Months, long ApprovedCents);

/// <summary>
/// Provider corrections: the credit lines and re-debits received on the nightly date matched to the debits they correct
/// (provider_correction), and the net production per provider, year and month (production_month) recomputed for every
/// provider and year that received approved production that day. Set-based: the process never reads a line.
/// </summary>
/// <remarks>
/// The day's lines are reached through their files (vektis_file.received_on is indexed, declaration_line's key starts with
/// file_id); a credit finds its debit through declaration_line_reference_key (provider, referentienummer).
/// </remarks>
public static class ProviderCorrections
{
    private const string DayFiles = "SELECT id FROM vektis_file WHERE received_on = @date AND status = 'processed' AND soort_bericht = 'P'";

    // An approved credit reverses the approved debit whose 0431 its 0432 names (the adjudicator refused any other with 8017).
    private static readonly string s_creditsSql = $"""
        INSERT INTO provider_correction (file_id, record_id, kind, provider_agb, declaration_year, prestatiecode, approved_cents,
                                         corrected_file_id, corrected_record_id, nightly_date)
        SELECT c.file_id, c.record_id, 'credit', c.provider_agb, c.declaration_year, c.prestatiecode, c.approved_cents,
               d.file_id, d.record_id, @date
        FROM declaration_line c
        LEFT JOIN declaration_line d
               ON d.provider_agb = c.provider_agb AND d.referentienummer = c.voorgaand_referentienummer
              AND d.approved AND d.production AND d.debit_credit = 'D'
        WHERE c.file_id IN ({DayFiles}) AND c.approved AND c.production AND c.debit_credit = 'C'
        ON CONFLICT (file_id, record_id) DO NOTHING
        """;

    // A re-debit: a new approved debit of the same provider, client and prestatie whose period overlaps a debit that an
    // approved credit (received by the nightly date) reversed. Several such debits: the latest received is the one it redoes.
    private static readonly string s_redebitsSql = $"""
        INSERT INTO provider_correction (file_id, record_id, kind, provider_agb, declaration_year, prestatiecode, approved_cents,
                                         corrected_file_id, corrected_record_id, nightly_date)
        SELECT DISTINCT ON (r.file_id, r.record_id)
               r.file_id, r.record_id, 'redebit', r.provider_agb, r.declaration_year, r.prestatiecode, r.approved_cents,
               d.file_id, d.record_id, @date
        FROM declaration_line r
        JOIN declaration_line d
          ON d.provider_agb = r.provider_agb AND d.bsn = r.bsn AND d.prestatiecode = r.prestatiecode
         AND d.approved AND d.production AND d.debit_credit = 'D'
         AND d.begin_date <= r.end_date AND r.begin_date <= d.end_date
         AND (d.file_id, d.record_id) <> (r.file_id, r.record_id)
        JOIN declaration_line c
          ON c.provider_agb = d.provider_agb AND c.voorgaand_referentienummer = d.referentienummer
         AND c.approved AND c.production AND c.debit_credit = 'C' AND c.received_on <= @date
        WHERE r.file_id IN ({DayFiles}) AND r.approved AND r.production AND r.debit_credit = 'D'
        ORDER BY r.file_id, r.record_id, d.received_on DESC, d.file_id DESC, d.record_id DESC
        ON CONFLICT (file_id, record_id) DO NOTHING
        """;

    private static readonly string s_affectedSql = $"""
        SELECT DISTINCT provider_agb, declaration_year
        FROM declaration_line
        WHERE file_id IN ({DayFiles}) AND approved AND production
        ORDER BY 1, 2
        """;

    private const string DeleteProductionSql = """
        DELETE FROM production_month p
        USING unnest(@agbs, @years) AS a (agb, year)
        WHERE p.provider_agb = a.agb AND p.year = a.year
        """;

    // The whole bucket from the lines, never an increment: a rerun writes the same rows.
    private const string InsertProductionSql = """
        INSERT INTO production_month (provider_agb, year, month, lines, signed_volume, approved_cents)
        SELECT l.provider_agb, l.declaration_year, extract(month FROM l.begin_date)::smallint, count(*)::int,
               sum(CASE l.debit_credit WHEN 'C' THEN -l.volume ELSE l.volume END)::bigint, sum(l.approved_cents)::bigint
        FROM declaration_line l
        JOIN unnest(@agbs, @years) AS a (agb, year) ON l.provider_agb = a.agb AND l.declaration_year = a.year
        WHERE l.approved AND l.production
        GROUP BY 1, 2, 3
        """;

    private const string ProductionSql = """
        SELECT p.provider_agb AS ProviderAgb, p.year::int AS Year, count(*)::int AS Months, sum(p.approved_cents)::bigint AS ApprovedCents
        FROM production_month p
        JOIN unnest(@agbs, @years) AS a (agb, year) ON p.provider_agb = a.agb AND p.year = a.year
        GROUP BY 1, 2
        ORDER BY 1, 2
        """;

    private const string CountsSql = """
        SELECT provider_agb AS ProviderAgb,
               count(*) FILTER (WHERE kind = 'credit') AS Credits,
               count(*) FILTER (WHERE kind = 'credit' AND corrected_file_id IS NULL) AS CreditsUnmatched,
               count(*) FILTER (WHERE kind = 'redebit') AS Redebits,
               sum(approved_cents)::bigint AS NetCents
        FROM provider_correction
        WHERE nightly_date = @date
        GROUP BY provider_agb
        ORDER BY provider_agb
        """;

    /// <summary>Matches the day's credits and re-debits; lines matched by an earlier run of the date stay as they are.</summary>
    public static async Task MatchAsync(NightlyDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        await day.Command(s_creditsSql).With("date", day.Date).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await day.Command(s_redebitsSql).With("date", day.Date).ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The matches of the day per provider (credits negative in the net amount).</summary>
    public static Task<List<ProviderCorrectionCount>> CountAsync(NightlyDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.QueryAsync<ProviderCorrectionCount>(CountsSql, new { date = day.Date }, cancellationToken);
    }

    /// <summary>
    /// Recomputes production_month for every provider and year with approved production lines received on the date, and
    /// returns those buckets' totals per provider and year.
    /// </summary>
    public static async Task<List<ProductionYear>> RecomputeProductionAsync(NightlyDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var affected = await day.Command(s_affectedSql).With("date", day.Date).ReadAsync(
            r => (Agb: r.GetInt32(0), Year: r.GetInt16(1)),
            cancellationToken).ConfigureAwait(false);
        if (affected.Count == 0)
        {
            return [];
        }

        int[] agbs = [.. affected.Select(a => a.Agb)];
        short[] years = [.. affected.Select(a => a.Year)];
        await Keys(day.Command(DeleteProductionSql), agbs, years).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        await Keys(day.Command(InsertProductionSql), agbs, years).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return await day.QueryAsync<ProductionYear>(ProductionSql, new { agbs, years }, cancellationToken).ConfigureAwait(false);
    }

    private static Npgsql.NpgsqlCommand Keys(Npgsql.NpgsqlCommand command, int[] agbs, short[] years)
    {
        command.Parameters.Add(new Npgsql.NpgsqlParameter<int[]>("agbs", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = agbs });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<short[]>("years", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = years });
        return command;
    }
}
