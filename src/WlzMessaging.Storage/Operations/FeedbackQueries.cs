using Npgsql;
using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Storage.Operations;

/// <summary>A provider's annual agreement (afspraak) in force at the end of the feedback month.</summary>
public sealed record AgreementInForce(int ProviderAgb, long JaarafspraakCents, DateOnly GeldigVanaf);

/// <summary>
/// A provider's approved lines of one month of care (the month of 0414), net of credits: the page's breakdown by care month.
/// The production total is <see cref="FeedbackRows.Production"/>, which also counts MNDP and tariff corrections.
/// </summary>
public sealed record MonthProduction(int ProviderAgb, int Month, long ApprovedCents, long DebitLines, long CreditLines);

/// <summary>Rejected production lines of a provider carrying a retourcode: in the feedback month, and in its year so far.</summary>
public sealed record RejectionCount(int ProviderAgb, short Code, long InMonth, long InYear);

/// <summary>A provider's rejected production lines (each once, whatever its codes): in the month, and in its year so far.</summary>
public sealed record RejectedLines(int ProviderAgb, long InMonth, long InYear);

/// <summary>What <see cref="FeedbackQueries"/> read for one month.</summary>
public sealed record FeedbackRows(
    IReadOnlyDictionary<int, string> ProviderNames,
    IReadOnlyList<AgreementInForce> Agreements,
    IReadOnlyList<MonthProduction> LinesByCareMonth,
    IReadOnlyList<RejectionCount> Rejections,
    IReadOnlyList<RejectedLines> RejectedLines)
{
    /// <summary>
    /// The production of the care year counted up to the end of the month, per provider, as the advance run counts it
    /// (<see cref="FundingInputsQuery.ProductionAsync"/>): lines, accepted MNDP and tariff corrections.
    /// </summary>
    public IReadOnlyList<CountedProduction> Production { get; init; } = [];
}

/// <summary>
/// The SQL behind <c>wlz feedback</c>, all aggregates: for care year <c>year</c>, the production lines of production files
/// received up to the end of the month. Nothing here reads a BSN.
/// </summary>
public sealed class FeedbackQueries(NpgsqlDataSource dataSource, FundingSettings? funding = null)
{
    // $1 year, $2 first day of the month, $3 last day of the month, $4 first day of the month's year.
    private const string AgreementsSql = """
        SELECT DISTINCT ON (agb) agb, jaarafspraak_cent, geldig_vanaf
        FROM afspraak
        WHERE jaar = $1 AND geldig_vanaf <= $3
        ORDER BY agb, geldig_vanaf DESC
        """;

    // Only the breakdown by care month; the total comes from the run's query (FundingInputsQuery.ProductionAsync).
    private const string LinesByCareMonthSql = """
        SELECT provider_agb, extract(month FROM begin_date)::int, sum(approved_cents)::bigint,
               count(*) FILTER (WHERE debit_credit = 'D'), count(*) FILTER (WHERE debit_credit = 'C')
        FROM declaration_line
        WHERE production AND approved AND declaration_year = $1 AND received_on <= $3
        GROUP BY 1, 2
        ORDER BY 1, 2
        """;

    // A rejected line counts once under each of its codes. The year is the months of the feedback month's year up to it.
    private const string RejectionsSql = """
        SELECT l.provider_agb, c.code,
               count(*) FILTER (WHERE l.received_on >= $2),
               count(*)
        FROM declaration_line l
        CROSS JOIN LATERAL (VALUES (l.retourcode_1), (l.retourcode_2), (l.retourcode_3)) AS c(code)
        WHERE l.production AND NOT l.approved AND l.received_on BETWEEN $4 AND $3 AND c.code IS NOT NULL
        GROUP BY 1, 2
        ORDER BY 1, 4 DESC, 2
        """;

    private const string RejectedLinesSql = """
        SELECT provider_agb, count(*) FILTER (WHERE received_on >= $2), count(*)
        FROM declaration_line
        WHERE production AND NOT approved AND received_on BETWEEN $4 AND $3
        GROUP BY 1
        ORDER BY 1
        """;

    private const string ProvidersSql = "SELECT agb, naam FROM provider";

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    private readonly FundingSettings _funding = funding ?? FundingSettings.Default;

    /// <summary>
    /// The figures of <paramref name="month"/> (any day of it) for care year <paramref name="year"/> (default the month's).
    /// Rejections count lines received in the month and in the calendar year up to its end.
    /// </summary>
    public async Task<FeedbackRows> ReadAsync(DateOnly month, int? year = null, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var careYear = (short)(year ?? month.Year);
        var yearStart = new DateOnly(month.Year, 1, 1);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            .ConfigureAwait(false);

        async Task<IReadOnlyList<T>> ReadAll<T>(string sql, Func<NpgsqlDataReader, T> read)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = careYear });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = first });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = last });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = yearStart });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }

        var names = await ReadAll(ProvidersSql, r => (Agb: r.GetInt32(0), Name: r.GetString(1))).ConfigureAwait(false);
        var agreements = await ReadAll(AgreementsSql, r => new AgreementInForce(r.GetInt32(0), r.GetInt64(1), r.GetFieldValue<DateOnly>(2)))
            .ConfigureAwait(false);
        var byCareMonth = await ReadAll(LinesByCareMonthSql, r => new MonthProduction(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)))
            .ConfigureAwait(false);
        var rejections = await ReadAll(RejectionsSql, r => new RejectionCount(r.GetInt32(0), r.GetInt16(1), r.GetInt64(2), r.GetInt64(3)))
            .ConfigureAwait(false);
        var rejectedLines = await ReadAll(RejectedLinesSql, r => new RejectedLines(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2)))
            .ConfigureAwait(false);
        var production = await FundingInputsQuery.ProductionAsync(connection, transaction, careYear, last.AddDays(1), _funding, cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new FeedbackRows(names.ToDictionary(n => n.Agb, n => n.Name), agreements, byCareMonth, rejections, rejectedLines)
        {
            Production = production,
        };
    }
}
