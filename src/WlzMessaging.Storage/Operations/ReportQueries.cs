using Dapper;
using Npgsql;
using WlzMessaging.Adjudication;
using WlzMessaging.Funding;
using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Storage.Operations;

/// <summary>
/// What <c>wlz report</c> asks of a period: the files received from <see cref="From"/> to <see cref="To"/> (both included,
/// by the day they arrived), judged on <see cref="Today"/> (for files still waiting).
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, DateOnly Today)
{
    /// <summary>The aim for the AW320: within 5 days of receipt.</summary>
    public int AimDays { get; init; } = 5;

    /// <summary>The limit for the AW320: 20 days after receipt.</summary>
    public int LimitDays { get; init; } = 20;

    /// <summary>A declaration is due within 17 working days after the month it declares.</summary>
    public int DueWorkingDays { get; init; } = 17;

    /// <summary>At most this many files in each list (overdue, late); the counts cover them all.</summary>
    public int ListLimit { get; init; } = 100;
}

/// <summary>
/// The SQL behind <c>wlz report</c>: every figure is an aggregate computed by PostgreSQL; the process reads one row per
/// provider and per retourcode, never a line. Lines are reached through their file (the primary key's file_id prefix).
/// Dapper maps each row to its record by the column names the SQL gives (<see cref="ReportRows"/>).
/// </summary>
public sealed class ReportQueries(NpgsqlDataSource dataSource, FundingSettings? funding = null)
{
    /// <summary>The date an answer was given: the AW320's written_at (else the file's finished_at) as a day in Amsterdam.</summary>
    internal const string AnsweredOnSql = """
        (COALESCE(a.written_at, CASE WHEN f.status IN ('processed', 'rejected') THEN f.finished_at END)
            AT TIME ZONE 'Europe/Amsterdam')::date
        """;

    // @months are the first days of the months the period's files declare, @deadlines their deadlines (Deadline). Every query
    // of ReadAsync gets the same parameter object; Dapper sends a query only the parameters it names.
    private const string FilesCte = $"""
        WITH deadline AS (
            SELECT d.month, d.deadline FROM unnest(@months::date[], @deadlines::date[]) AS d(month, deadline)
        ), timed AS (
            SELECT f.id, f.file_name, f.provider_agb, f.status, f.soort_bericht, f.received_on, f.line_count, f.approved_count,
                   f.rejected_count, f.declared_cents, f.approved_cents, f.period_end, d.deadline,
                   {AnsweredOnSql} AS answered_on,
                   {AnsweredOnSql} - f.received_on AS days,
                   f.soort_bericht IS DISTINCT FROM 'T' AND f.status <> 'quarantined' AS declaration
            FROM vektis_file f
            LEFT JOIN aw320 a ON a.file_id = f.id
            LEFT JOIN deadline d ON d.month = date_trunc('month', f.period_end)::date
            WHERE f.received_on BETWEEN @from AND @to
        )
        """;

    private const string FiguresSql = FilesCte + """
        SELECT GROUPING(t.provider_agb) = 1 AS IsTotal, t.provider_agb AS ProviderAgb,
               CASE WHEN GROUPING(t.provider_agb) = 0 THEN min(p.naam) END AS ProviderName,
               count(*) AS Files,
               count(*) FILTER (WHERE t.status = 'processed') AS Processed,
               count(*) FILTER (WHERE t.status = 'rejected') AS RejectedFiles,
               count(*) FILTER (WHERE t.status = 'quarantined') AS Quarantined,
               count(*) FILTER (WHERE t.status = 'claimed') AS InWork,
               count(*) FILTER (WHERE t.soort_bericht = 'T') AS TestFiles,
               count(t.answered_on) AS Answered,
               coalesce(sum(t.line_count), 0)::bigint AS Lines,
               coalesce(sum(t.approved_count), 0)::bigint AS ApprovedLines,
               coalesce(sum(t.rejected_count), 0)::bigint AS RejectedLines,
               coalesce(sum(t.declared_cents), 0)::bigint AS DeclaredCents,
               coalesce(sum(t.approved_cents), 0)::bigint AS ApprovedCents,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days) AS MedianDays,
               max(t.days) AS MaxDays,
               count(*) FILTER (WHERE t.days <= @aim_days) AS WithinAim,
               count(*) FILTER (WHERE t.days > @limit_days) AS OverLimit,
               count(*) FILTER (WHERE t.answered_on IS NULL AND t.status = 'claimed' AND @today - t.received_on > @limit_days)
                   AS WaitingOverLimit,
               count(*) FILTER (WHERE t.declaration AND t.received_on > t.deadline) AS Late,
               count(*) FILTER (WHERE t.declaration AND t.period_end IS NULL) AS PeriodUnknown
        FROM timed t
        LEFT JOIN provider p ON p.agb = t.provider_agb
        GROUP BY GROUPING SETS ((t.provider_agb), ())
        ORDER BY 1, t.provider_agb NULLS LAST
        """;

    private const string OverdueSql = FilesCte + """
        SELECT t.id AS Id, t.file_name AS FileName, t.provider_agb AS ProviderAgb, t.status AS Status,
               t.received_on AS ReceivedOn, t.answered_on AS AnsweredOn, coalesce(t.days, @today - t.received_on) AS Days
        FROM timed t
        WHERE t.days > @limit_days OR (t.answered_on IS NULL AND t.status = 'claimed' AND @today - t.received_on > @limit_days)
        ORDER BY 7 DESC, t.id
        LIMIT @list_limit
        """;

    private const string LateSql = FilesCte + """
        SELECT t.id AS Id, t.file_name AS FileName, t.provider_agb AS ProviderAgb, t.period_end AS PeriodEnd,
               t.deadline AS Deadline, t.received_on AS ReceivedOn
        FROM timed t
        WHERE t.declaration AND t.received_on > t.deadline
        ORDER BY t.received_on - t.deadline DESC, t.id
        LIMIT @list_limit
        """;

    // A rejected line counts once under each code it carries (up to three). Approved lines carry 8001 alone.
    private const string LineCodesSql = """
        SELECT GROUPING(l.provider_agb) = 1 AS IsTotal, l.provider_agb AS ProviderAgb, c.code AS Code, count(*) AS Count
        FROM vektis_file f
        JOIN declaration_line l ON l.file_id = f.id
        CROSS JOIN LATERAL (VALUES (l.retourcode_1), (l.retourcode_2), (l.retourcode_3)) AS c(code)
        WHERE f.received_on BETWEEN @from AND @to AND f.status = 'processed' AND NOT l.approved AND c.code IS NOT NULL
        GROUP BY GROUPING SETS ((l.provider_agb, c.code), (c.code))
        ORDER BY 1, 4 DESC, 3
        """;

    // Files rejected as a whole by cause: every one carries 0001, so a file counts once under each other code it carries
    // (the cause), or under 0001 when it carries no other.
    internal const string WholeFileCausesSql = """
        unnest(coalesce(nullif(array_remove(f.retourcodes, 1::smallint), '{}'), '{1}'::smallint[]))
        """;

    private const string FileCodesSql = $"""
        SELECT GROUPING(f.provider_agb) = 1 AS IsTotal, f.provider_agb AS ProviderAgb, c.code AS Code, count(*) AS Count
        FROM vektis_file f
        CROSS JOIN LATERAL {WholeFileCausesSql} AS c(code)
        WHERE f.received_on BETWEEN @from AND @to AND f.status = 'rejected'
        GROUP BY GROUPING SETS ((f.provider_agb, c.code), (c.code))
        ORDER BY 1, 4 DESC, 3
        """;

    private const string MonthsSql = """
        SELECT DISTINCT date_trunc('month', period_end)::date FROM vektis_file
        WHERE received_on BETWEEN @from AND @to AND period_end IS NOT NULL
        """;

    static ReportQueries() => DapperTypeHandlers.Register();

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    private readonly FundingSettings _funding = funding ?? FundingSettings.Default;

    /// <summary>The last day on which a declaration of <paramref name="month"/> is on time (Werkdagen.IsLaat after it).</summary>
    public static DateOnly Deadline(DateOnly month, int dueWorkingDays = 17)
    {
        var end = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        return Werkdagen.AddWerkdagen(end, dueWorkingDays);
    }

    public async Task<ReportRows> ReadAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.To < period.From)
        {
            throw new ArgumentException($"the period ends ({period.To:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd})", nameof(period));
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for all the queries, so the figures, lists and codes agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            .ConfigureAwait(false);

        async Task<IReadOnlyList<T>> Query<T>(string sql, object parameters) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false)).AsList();

        var months = await Query<DateOnly>(MonthsSql, new { from = period.From, to = period.To }).ConfigureAwait(false);
        var parameters = new
        {
            from = period.From,
            to = period.To,
            today = period.Today,
            months = months.ToArray(),
            deadlines = months.Select(m => Deadline(m, period.DueWorkingDays)).ToArray(),
            aim_days = period.AimDays,
            limit_days = period.LimitDays,
            list_limit = period.ListLimit,
        };

        var figures = await Query<FileFigures>(FiguresSql, parameters).ConfigureAwait(false);
        var overdue = await Query<OverdueFile>(OverdueSql, parameters).ConfigureAwait(false);
        var late = await Query<LateFile>(LateSql, parameters).ConfigureAwait(false);
        var lineCodes = await Query<CodeCount>(LineCodesSql, parameters).ConfigureAwait(false);
        var fileCodes = await Query<CodeCount>(FileCodesSql, parameters).ConfigureAwait(false);

        // The money that means production comes from the run's query and calculator, not from the files' AW320 amounts.
        var production = await FundingInputsQuery.ProductionAsync(
            connection, transaction, period.To.Year, period.To.AddDays(1), _funding, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return new ReportRows(figures, lineCodes, fileCodes, overdue, late) { Production = production };
    }
}
