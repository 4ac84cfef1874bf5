using Npgsql;
using NpgsqlTypes;
using WlzMessaging.Funding;

namespace WlzMessaging.Storage.Funding;

/// <summary>The inputs of a run as the database gives them, and the MNDP rows that were left out (with the reason).</summary>
public sealed record LoadedFundingInputs(FundingInputs Inputs, IReadOnlyList<RejectedMndpRow> RejectedMndp);

/// <summary>
/// Reads what a run on a date computes from. The declaration lines are summed in PostgreSQL, never carried into the
/// process: a run over ten million lines reads a few thousand rows. Everything else (reference rows, the history of
/// approved runs) is small.
/// </summary>
/// <remarks>
/// Only what can count in the run is read: the years with items in a run on D are D's year and the year before
/// (<see cref="FundingCalendar.ProductionYears"/>, the werkvoorschot of D's year), lines count when received before D and MNDP
/// rows when submitted before D. The history is every item of the approved runs before D: the recoveries replay all of it.
/// </remarks>
public static class FundingInputsQuery
{
    /// <summary>
    /// Approved lines of production files per provider, year (of 0414) and month of receipt (keyed by its first day, which a
    /// run on the first of a month counts exactly: specs/funding.md), split by whether the prestatie is exempt from the cap.
    /// </summary>
    internal const string ProductionSql = """
        SELECT provider_agb,
               declaration_year,
               date_trunc('month', received_on)::date AS received_month,
               coalesce(sum(approved_cents) FILTER (WHERE NOT prestatiecode = ANY(@exempt)), 0)::bigint AS non_exempt_cents,
               coalesce(sum(approved_cents) FILTER (WHERE prestatiecode = ANY(@exempt)), 0)::bigint AS exempt_cents
        FROM declaration_line
        WHERE approved AND production
          AND declaration_year BETWEEN @first_year AND @last_year
          AND received_on < @run_date
        GROUP BY provider_agb, declaration_year, received_month
        """;

    /// <summary>
    /// The signed volume (credit lines negative) per provider, year, prestatie and day of receipt, only for prestaties whose
    /// tariff changed (more than one tarief row): a tariff change corrects the volume received before it. With no change
    /// in the years of the run the join is empty and PostgreSQL does not read the lines at all.
    /// </summary>
    internal const string ChangedTariffVolumesSql = """
        WITH changed AS (
            SELECT agb, jaar, prestatiecode
            FROM tarief
            WHERE jaar BETWEEN @first_year AND @last_year
            GROUP BY agb, jaar, prestatiecode
            HAVING count(*) > 1
        )
        SELECT l.provider_agb,
               l.declaration_year,
               l.prestatiecode,
               l.received_on,
               sum(CASE l.debit_credit WHEN 'C' THEN -l.volume ELSE l.volume END)::bigint AS signed_volume
        FROM declaration_line l
        JOIN changed c ON c.agb = l.provider_agb AND c.jaar = l.declaration_year AND c.prestatiecode = l.prestatiecode
        WHERE l.approved AND l.production
          AND l.declaration_year BETWEEN @first_year AND @last_year
          AND l.received_on < @run_date
        GROUP BY l.provider_agb, l.declaration_year, l.prestatiecode, l.received_on
        """;

    private const string ProvidersSql = "SELECT agb, regime, crisisafspraak FROM provider ORDER BY agb";

    private const string AfsprakenSql = """
        SELECT agb, jaar, jaarafspraak_cent, geldig_vanaf FROM afspraak WHERE jaar BETWEEN @first_year AND @last_year
        """;

    private const string TarievenSql = """
        SELECT agb, jaar, prestatiecode, tarief_cent, ingevoerd_op FROM tarief WHERE jaar BETWEEN @first_year AND @last_year
        """;

    private const string MndpSql = """
        SELECT agb, jaar, maand, prestatiecode, aantal, tarief_cent, ingediend_op
        FROM mndp
        WHERE jaar BETWEEN @first_year AND @last_year AND ingediend_op < @run_date
        ORDER BY agb, jaar, maand, prestatiecode, ingediend_op
        """;

    private const string InvorderingenSql = "SELECT agb, jaar, bedrag_cent FROM invordering";

    /// <summary>The items of the approved runs before the run date: what was actually paid, after review.</summary>
    private const string HistorySql = """
        SELECT i.agb, i.run_date, i.kind, i.year, i.amount_cents, i.adjusts
        FROM advance_item i
        JOIN advance_run r ON r.run_date = i.run_date
        WHERE r.status = 'approved' AND r.run_date < @run_date
        ORDER BY i.run_date, i.agb, i.position
        """;

    public static async Task<LoadedFundingInputs> LoadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        DateOnly runDate,
        FundingSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        var firstYear = (short)(runDate.Year - 1);
        var lastYear = (short)runDate.Year;

        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter<short>("first_year", firstYear));
            command.Parameters.Add(new NpgsqlParameter<short>("last_year", lastYear));
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("run_date", runDate));
            return command;
        }

        var providers = await new NpgsqlCommand(ProvidersSql, connection, transaction).ReadAsync(
            r => new Provider(Agb.ToText(r.GetInt32(0)), ParseRegime(r.GetString(1)), r.GetBoolean(2)),
            cancellationToken).ConfigureAwait(false);

        var afspraken = await Command(AfsprakenSql).ReadAsync(
            r => new Jaarafspraak(Agb.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetInt64(2), r.GetFieldValue<DateOnly>(3)),
            cancellationToken).ConfigureAwait(false);

        var tariffs = await Command(TarievenSql).ReadAsync(
            r => new ContractedTariff(
                Agb.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetString(2), r.GetInt64(3), r.GetFieldValue<DateOnly>(4)),
            cancellationToken).ConfigureAwait(false);

        var production = await WithExempt(Command(ProductionSql), settings).ReadAsync(
            r => new ReceivedProduction(
                Agb.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetFieldValue<DateOnly>(2), r.GetInt64(3), r.GetInt64(4)),
            cancellationToken).ConfigureAwait(false);

        var volumes = await Command(ChangedTariffVolumesSql).ReadAsync(
            r => new CheckedVolume(
                Agb.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetInt64(4)),
            cancellationToken).ConfigureAwait(false);

        var mndpRows = await Command(MndpSql).ReadAsync(
            r => new MndpRow(
                Agb.ToText(r.GetInt32(0)),
                r.GetInt16(1),
                r.GetInt16(2),
                r.GetString(3),
                r.GetInt32(4),
                r.GetInt64(5),
                r.GetFieldValue<DateOnly>(6)),
            cancellationToken).ConfigureAwait(false);

        var invorderingen = await new NpgsqlCommand(InvorderingenSql, connection, transaction).ReadAsync(
            r => new Invordering(Agb.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetInt64(2)),
            cancellationToken).ConfigureAwait(false);

        var history = await Command(HistorySql).ReadAsync(
            r => new PaidItem(
                Agb.ToText(r.GetInt32(0)),
                r.GetFieldValue<DateOnly>(1),
                ItemKinds.Parse(r.GetString(2)),
                r.GetInt16(3),
                r.GetInt64(4),
                r.IsDBNull(5) ? null : ItemKinds.Parse(r.GetString(5))),
            cancellationToken).ConfigureAwait(false);

        // MNDP rows are checked against the providers and the contracted tariffs: only accepted rows count, and their volume
        // is corrected like a line's when the tariff of their prestatie changes later (specs/funding.md, rule 3).
        var mndp = MndpValidation.Validate(mndpRows, providers, tariffs);
        var corrections = TariffCorrections.Compute(
            tariffs,
            volumes.Concat(mndp.Accepted.Select(row => row.ToCheckedVolume())));

        var inputs = new FundingInputs
        {
            Providers = providers,
            Jaarafspraken = afspraken,
            Production = production,
            Mndp = mndp.AcceptedAmounts,
            TariffCorrections = corrections,
            Invorderingen = invorderingen,
            History = history,
        };
        return new LoadedFundingInputs(inputs, mndp.Rejected);
    }

    private static NpgsqlCommand WithExempt(NpgsqlCommand command, FundingSettings settings)
    {
        command.Parameters.Add(new NpgsqlParameter<string[]>("exempt", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = [.. settings.ExemptPrestaties.Order(StringComparer.Ordinal)],
        });
        return command;
    }

    internal static Regime ParseRegime(string regime) => regime switch
    {
        "werkvoorschot" => Regime.Werkvoorschot,
        "achteraf" => Regime.Achteraf,
        _ => throw new InvalidOperationException($"provider regime '{regime}' is not werkvoorschot or achteraf"),
    };
}
