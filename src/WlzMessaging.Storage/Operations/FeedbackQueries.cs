using Dapper;
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
    // @year the care year, @first and @last the first and last day of the month, @year_start 1 January of the month's year.
    private const string AgreementsSql = """
        SELECT DISTINCT ON (agb) agb AS ProviderAgb, jaarafspraak_cent AS JaarafspraakCents, geldig_vanaf AS GeldigVanaf
        FROM afspraak
        WHERE jaar = @year AND geldig_vanaf <= @last
        ORDER BY agb, geldig_vanaf DESC
        """;

    // Only the breakdown by care month; the total comes from the run's query (FundingInputsQuery.ProductionAsync).
    private const string LinesByCareMonthSql = """
        SELECT provider_agb AS ProviderAgb, extract(month FROM begin_date)::int AS Month, sum(approved_cents)::bigint AS ApprovedCents,
               count(*) FILTER (WHERE debit_credit = 'D') AS DebitLines, count(*) FILTER (WHERE debit_credit = 'C') AS CreditLines
        FROM declaration_line
        WHERE production AND approved AND declaration_year = @year AND received_on <= @last
        GROUP BY 1, 2
        ORDER BY 1, 2
        """;

    // A rejected line counts once under each of its codes. The year is the months of the feedback month's year up to it.
    private const string RejectionsSql = """
        SELECT l.provider_agb AS ProviderAgb, c.code AS Code,
               count(*) FILTER (WHERE l.received_on >= @first) AS InMonth,
               count(*) AS InYear
        FROM declaration_line l
        CROSS JOIN LATERAL (VALUES (l.retourcode_1), (l.retourcode_2), (l.retourcode_3)) AS c(code)
        WHERE l.production AND NOT l.approved AND l.received_on BETWEEN @year_start AND @last AND c.code IS NOT NULL
        GROUP BY 1, 2
        ORDER BY 1, 4 DESC, 2
        """;

    private const string RejectedLinesSql = """
        SELECT provider_agb AS ProviderAgb, count(*) FILTER (WHERE received_on >= @first) AS InMonth, count(*) AS InYear
        FROM declaration_line
        WHERE production AND NOT approved AND received_on BETWEEN @year_start AND @last
        GROUP BY 1
        ORDER BY 1
        """;

    private const string ProvidersSql = "SELECT agb AS Agb, naam AS Name FROM provider";

    static FeedbackQueries() => DapperTypeHandlers.Register();

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

        var parameters = new { year = careYear, first, last, year_start = yearStart };
        async Task<IReadOnlyList<T>> Query<T>(string sql) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false)).AsList();

        var names = await Query<(int Agb, string Name)>(ProvidersSql).ConfigureAwait(false);
        var agreements = await Query<AgreementInForce>(AgreementsSql).ConfigureAwait(false);
        var byCareMonth = await Query<MonthProduction>(LinesByCareMonthSql).ConfigureAwait(false);
        var rejections = await Query<RejectionCount>(RejectionsSql).ConfigureAwait(false);
        var rejectedLines = await Query<RejectedLines>(RejectedLinesSql).ConfigureAwait(false);
        var production = await FundingInputsQuery.ProductionAsync(connection, transaction, careYear, last.AddDays(1), _funding, cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new FeedbackRows(names.ToDictionary(n => n.Agb, n => n.Name), agreements, byCareMonth, rejections, rejectedLines)
        {
            Production = production,
        };
    }
}
