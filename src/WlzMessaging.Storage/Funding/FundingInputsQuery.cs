using Npgsql;
using NpgsqlTypes;
using WlzMessaging.Funding;
using AgbCode = WlzMessaging.Reference.AgbCode;
using MndpRow = WlzMessaging.Reference.MndpRow;
using PrestatieCode = WlzMessaging.Reference.PrestatieCode;
using Regime = WlzMessaging.Reference.Regime;

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
    /// The declaration lines a run counts, in one pass over declaration_line: approved lines (8001) of production files
    /// (0105 = P) of the run's years (0414) received before the run date. Per provider, year and day of receipt: the net
    /// approved amount (credit lines negative) of the prestaties capped and of those exempt from the cap (the exempt list of
    /// each year's protocol: @exempt_first, @exempt_last); and,
    /// on rows of their own, the same for each prestatie whose tariff changed (more than one tarief row of the provider and
    /// year) with its signed volume (0418, credit lines negative), which a tariff change corrects.
    /// </summary>
    /// <remarks>
    /// The inner GROUP BY works on plain columns, so PostgreSQL estimates its groups from the extended statistics
    /// <c>declaration_line_funding</c> (migration 0003) and aggregates in parallel hash tables; over an expression or the
    /// joined tariff rows it would guess millions of groups and sort every line instead (measured: twice as slow).
    /// </remarks>
    internal const string LinesSql = """
        WITH lines AS (
            SELECT provider_agb, declaration_year, received_on, prestatiecode,
                   sum(approved_cents) AS approved_cents,
                   sum(CASE debit_credit WHEN 'C' THEN -volume ELSE volume END) AS signed_volume
            FROM declaration_line
            WHERE approved AND production
              AND declaration_year BETWEEN @first_year AND @last_year
              AND received_on < @run_date
            GROUP BY provider_agb, declaration_year, received_on, prestatiecode
        ),
        changed AS (
            SELECT agb, jaar, prestatiecode
            FROM tarief
            WHERE jaar BETWEEN @first_year AND @last_year
            GROUP BY agb, jaar, prestatiecode
            HAVING count(*) > 1
        )
        SELECT l.provider_agb,
               l.declaration_year,
               l.received_on,
               c.prestatiecode AS changed_prestatiecode,
               coalesce(sum(l.approved_cents) FILTER (WHERE NOT l.exempt), 0)::bigint AS non_exempt_cents,
               coalesce(sum(l.approved_cents) FILTER (WHERE l.exempt), 0)::bigint AS exempt_cents,
               sum(l.signed_volume)::bigint AS signed_volume
        FROM (SELECT lines.*,
                     CASE WHEN declaration_year = @first_year THEN prestatiecode = ANY(@exempt_first)
                          ELSE prestatiecode = ANY(@exempt_last) END AS exempt
              FROM lines) l
        LEFT JOIN changed c ON c.agb = l.provider_agb AND c.jaar = l.declaration_year AND c.prestatiecode = l.prestatiecode
        GROUP BY l.provider_agb, l.declaration_year, l.received_on, c.prestatiecode
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

    public static Task<LoadedFundingInputs> LoadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        DateOnly runDate,
        FundingSettings settings,
        CancellationToken cancellationToken = default) =>
        LoadAsync(connection, transaction, runDate, (short)(runDate.Year - 1), (short)runDate.Year, settings, cancellationToken);

    /// <summary>
    /// The production of <paramref name="year"/> every provider counted before <paramref name="before"/>, read by the run's
    /// query and computed by the run's calculator (<see cref="FundingCalculator.Production"/>): approved lines, accepted MNDP
    /// rows and tariff corrections, Pc and Px. The feedback page and the report take their production figures from here.
    /// </summary>
    public static async Task<IReadOnlyList<CountedProduction>> ProductionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        int year,
        DateOnly before,
        FundingSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The run's two years when the year is one of them; otherwise that year alone (a report on an older year).
        var (first, last) = year == before.Year || year == before.Year - 1
            ? ((short)(before.Year - 1), (short)before.Year)
            : ((short)year, (short)year);
        var loaded = await LoadAsync(connection, transaction, before, first, last, settings, cancellationToken).ConfigureAwait(false);
        return new FundingCalculator(settings).Production(year, before, loaded.Inputs);
    }

    private static async Task<LoadedFundingInputs> LoadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        DateOnly runDate,
        short firstYear,
        short lastYear,
        FundingSettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);

        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter<short>("first_year", firstYear));
            command.Parameters.Add(new NpgsqlParameter<short>("last_year", lastYear));
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("run_date", runDate));
            return command;
        }

        var providers = await new NpgsqlCommand(ProvidersSql, connection, transaction).ReadAsync(
            r => new Provider(AgbCode.ToText(r.GetInt32(0)), ParseRegime(r.GetString(1)), r.GetBoolean(2)),
            cancellationToken).ConfigureAwait(false);

        var afspraken = await Command(AfsprakenSql).ReadAsync(
            r => new Jaarafspraak(AgbCode.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetInt64(2), r.GetFieldValue<DateOnly>(3)),
            cancellationToken).ConfigureAwait(false);

        var tariffs = await Command(TarievenSql).ReadAsync(
            r => new ContractedTariff(
                AgbCode.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetString(2), r.GetInt64(3), r.GetFieldValue<DateOnly>(4)),
            cancellationToken).ConfigureAwait(false);

        var lines = await WithExempt(Command(LinesSql), settings, firstYear, lastYear).ReadAsync(
            r => (Agb: AgbCode.ToText(r.GetInt32(0)),
                Year: (int)r.GetInt16(1),
                ReceivedOn: r.GetFieldValue<DateOnly>(2),
                ChangedPrestatiecode: r.GetStringOrNull(3),
                NonExempt: r.GetInt64(4),
                Exempt: r.GetInt64(5),
                SignedVolume: r.GetInt64(6)),
            cancellationToken).ConfigureAwait(false);
        var production = lines
            .Select(l => new ReceivedProduction(l.Agb, l.Year, l.ReceivedOn, l.NonExempt, l.Exempt))
            .ToArray();
        var volumes = lines
            .Where(l => l.ChangedPrestatiecode is not null)
            .Select(l => new CheckedVolume(l.Agb, l.Year, l.ChangedPrestatiecode!, l.ReceivedOn, l.SignedVolume))
            .ToArray();

        var mndpRows = await Command(MndpSql).ReadAsync(
            r => new MndpRow(
                r.GetInt32(0),
                r.GetInt16(1),
                r.GetInt16(2),
                PrestatieCode.Parse(r.GetString(3)),
                r.GetInt32(4),
                r.GetInt64(5),
                r.GetFieldValue<DateOnly>(6)),
            cancellationToken).ConfigureAwait(false);

        var invorderingen = await new NpgsqlCommand(InvorderingenSql, connection, transaction).ReadAsync(
            r => new Invordering(AgbCode.ToText(r.GetInt32(0)), r.GetInt16(1), r.GetInt64(2)),
            cancellationToken).ConfigureAwait(false);

        var history = await Command(HistorySql).ReadAsync(
            r => new PaidItem(
                AgbCode.ToText(r.GetInt32(0)),
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

    private static NpgsqlCommand WithExempt(NpgsqlCommand command, FundingSettings settings, int firstYear, int lastYear)
    {
        foreach (var (name, year) in new[] { ("exempt_first", firstYear), ("exempt_last", lastYear) })
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                TypedValue = [.. settings.ProtocolFor(year).ExemptPrestaties.Order(StringComparer.Ordinal)],
            });
        }

        return command;
    }

    internal static Regime ParseRegime(string regime) => regime switch
    {
        "werkvoorschot" => Regime.Werkvoorschot,
        "achteraf" => Regime.Achteraf,
        _ => throw new InvalidOperationException($"provider regime '{regime}' is not werkvoorschot or achteraf"),
    };
}
