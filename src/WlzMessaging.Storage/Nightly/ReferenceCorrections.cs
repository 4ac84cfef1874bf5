using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;
using AgbCode = WlzMessaging.Reference.AgbCode;
using MndpRow = WlzMessaging.Reference.MndpRow;
using PrestatieCode = WlzMessaging.Reference.PrestatieCode;
using Regime = WlzMessaging.Reference.Regime;

namespace WlzMessaging.Storage.Nightly;

/// <summary>
/// Reference corrections of a day: the tariff corrections of the tariff changes entered on it (kept in tariff_correction),
/// over the same volumes the advance run corrects (approved production lines and accepted MNDP rows), and the herschikkingen
/// taking effect on it. The arithmetic is the Funding module's
/// (<see cref="TariffChangeCorrections"/>, <see cref="AgreementRevision"/>); this class reads its inputs and keeps the result.
/// </summary>
public static class ReferenceCorrections
{
    // The tarief rows of every prestatie with a row entered on the date (earlier rows included: the change needs the old one).
    private const string TariffsSql = """
        SELECT t.agb, t.jaar, t.prestatiecode, t.tarief_cent, t.ingevoerd_op
        FROM tarief t
        WHERE t.ingevoerd_op <= @date
          AND EXISTS (SELECT 1 FROM tarief c
                      WHERE c.agb = t.agb AND c.jaar = t.jaar AND c.prestatiecode = t.prestatiecode AND c.ingevoerd_op = @date)
        """;

    // As the advance run's pass over the lines (FundingInputsQuery.LinesSql): approved production lines, signed volume, by day
    // of receipt; only those received before the change count, and only the prestaties concerned are read.
    private const string VolumesSql = """
        SELECT l.provider_agb, l.declaration_year, l.prestatiecode, l.received_on,
               sum(CASE l.debit_credit WHEN 'C' THEN -l.volume ELSE l.volume END)::bigint
        FROM declaration_line l
        JOIN unnest(@agbs, @years, @codes) AS k (agb, year, code)
          ON l.provider_agb = k.agb AND l.declaration_year = k.year AND l.prestatiecode = k.code
        WHERE l.approved AND l.production AND l.received_on < @date
        GROUP BY 1, 2, 3, 4
        """;

    // The MNDP rows of the prestaties concerned submitted before the change: their volume is corrected as a line's is, exactly
    // as the advance run corrects it (FundingInputsQuery: accepted rows only, MndpRow.ToCheckedVolume).
    private const string MndpSql = """
        SELECT m.agb, m.jaar, m.maand, m.prestatiecode, m.aantal, m.tarief_cent, m.ingediend_op
        FROM mndp m
        JOIN unnest(@agbs, @years, @codes) AS k (agb, year, code)
          ON m.agb = k.agb AND m.jaar = k.year AND m.prestatiecode = k.code
        WHERE m.ingediend_op < @date
        """;

    private const string ProvidersSql = "SELECT agb, regime, crisisafspraak FROM provider WHERE agb = ANY(@agbs)";

    private const string DeleteSql = "DELETE FROM tariff_correction WHERE ingevoerd_op = @date";

    private const string InsertSql = """
        INSERT INTO tariff_correction (agb, jaar, prestatiecode, ingevoerd_op, old_tarief_cent, new_tarief_cent, volume, amount_cents, counts_from)
        SELECT * FROM unnest(@agbs, @years, @codes, @dates, @old, @new, @volumes, @amounts, @counts_from)
        """;

    private const string AfsprakenSql = """
        SELECT a.agb, a.jaar, a.jaarafspraak_cent, a.geldig_vanaf
        FROM afspraak a
        WHERE a.geldig_vanaf <= @date
          AND EXISTS (SELECT 1 FROM afspraak c WHERE c.agb = a.agb AND c.jaar = a.jaar AND c.geldig_vanaf = @date)
        """;

    /// <summary>
    /// Computes the tariff corrections of the changes entered on the date and replaces that date's rows of
    /// tariff_correction with them (the same rows every time the date runs, as long as the lines before it are the same).
    /// </summary>
    public static async Task<IReadOnlyList<TariffCorrection>> TariffCorrectionsAsync(NightlyDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var tariffs = await day.Command(TariffsSql).With("date", day.Date).ReadAsync(
            r => new ContractedTariff(AgbCode.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetString(2), r.GetInt64(3), r.GetFieldValue<DateOnly>(4)),
            cancellationToken).ConfigureAwait(false);

        var keys = tariffs.Select(t => (t.Agb, t.Year, t.Prestatiecode)).Distinct().ToArray();
        var volumes = keys.Length == 0 ? [] : await day.Command(VolumesSql)
            .With("date", day.Date)
            .With("agbs", keys.Select(k => AgbCode.ToInt(k.Agb)).ToArray())
            .With("years", keys.Select(k => (short)k.Year).ToArray())
            .With("codes", keys.Select(k => k.Prestatiecode).ToArray())
            .ReadAsync(
                r => new CheckedVolume(AgbCode.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetInt64(4)),
                cancellationToken).ConfigureAwait(false);

        var mndp = keys.Length == 0 ? [] : await MndpVolumesAsync(day, keys, tariffs, cancellationToken).ConfigureAwait(false);
        var corrections = TariffChangeCorrections.EnteredOn(day.Date, tariffs, [.. volumes, .. mndp]);
        await day.Command(DeleteSql).With("date", day.Date).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (corrections.Count > 0)
        {
            await day.Command(InsertSql)
                .With("agbs", corrections.Select(c => AgbCode.ToInt(c.Agb)).ToArray())
                .With("years", corrections.Select(c => (short)c.Year).ToArray())
                .With("codes", corrections.Select(c => c.Prestatiecode).ToArray())
                .With("dates", corrections.Select(_ => day.Date).ToArray())
                .With("old", corrections.Select(c => c.OldTariefCents).ToArray())
                .With("new", corrections.Select(c => c.NewTariefCents).ToArray())
                .With("volumes", corrections.Select(c => c.Volume).ToArray())
                .With("amounts", corrections.Select(c => c.AmountCents).ToArray())
                .With("counts_from", corrections.Select(c => c.CountsFrom).ToArray())
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        return corrections;
    }

    /// <summary>The volumes of the accepted MNDP rows of the prestaties concerned (validated as the advance run validates them).</summary>
    private static async Task<IEnumerable<CheckedVolume>> MndpVolumesAsync(
        NightlyDay day, (string Agb, int Year, string Prestatiecode)[] keys, IReadOnlyList<ContractedTariff> tariffs, CancellationToken cancellationToken)
    {
        var agbs = keys.Select(k => AgbCode.ToInt(k.Agb)).ToArray();
        var rows = await day.Command(MndpSql)
            .With("date", day.Date)
            .With("agbs", agbs)
            .With("years", keys.Select(k => (short)k.Year).ToArray())
            .With("codes", keys.Select(k => k.Prestatiecode).ToArray())
            .ReadAsync(
                r => new MndpRow(
                    r.GetInt32(0), r.GetInt16(1), r.GetInt16(2), PrestatieCode.Parse(r.GetString(3)), r.GetInt32(4), r.GetInt64(5), r.GetFieldValue<DateOnly>(6)),
                cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return [];
        }

        var providers = await day.Command(ProvidersSql).With("agbs", agbs.Distinct().ToArray()).ReadAsync(
            r => new Provider(AgbCode.ToText(r.GetInt32(0)), FundingInputsQuery.ParseRegime(r.GetString(1)), r.GetBoolean(2)),
            cancellationToken).ConfigureAwait(false);
        return MndpValidation.Validate(rows, providers, tariffs).Accepted.Select(row => row.ToCheckedVolume());
    }

    /// <summary>The herschikkingen taking effect on the date, with the amount each replaces.</summary>
    public static async Task<IReadOnlyList<AgreementRevision>> AgreementRevisionsAsync(NightlyDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var afspraken = await day.Command(AfsprakenSql).With("date", day.Date).ReadAsync(
            r => new Jaarafspraak(AgbCode.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetInt64(2), r.GetFieldValue<DateOnly>(3)),
            cancellationToken).ConfigureAwait(false);
        return AgreementRevision.EffectiveOn(day.Date, afspraken);
    }
}
