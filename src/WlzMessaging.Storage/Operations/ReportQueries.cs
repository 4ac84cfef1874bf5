using Npgsql;
using NpgsqlTypes;
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
/// </summary>
public sealed class ReportQueries(NpgsqlDataSource dataSource, FundingSettings? funding = null)
{
    /// <summary>The date an answer was given: the AW320's written_at (else the file's finished_at) as a day in Amsterdam.</summary>
    internal const string AnsweredOnSql = """
        (COALESCE(a.written_at, CASE WHEN f.status IN ('processed', 'rejected') THEN f.finished_at END)
            AT TIME ZONE 'Europe/Amsterdam')::date
        """;

    // $1 from, $2 to, $3 today, $4 months (first days), $5 their deadlines, $6 aim days, $7 limit days, $8 list limit.
    // Every query of the files gets all eight, typed; PostgreSQL accepts a typed parameter a query does not use.
    private const string FilesCte = $"""
        WITH deadline AS (
            SELECT d.month, d.deadline FROM unnest($4::date[], $5::date[]) AS d(month, deadline)
        ), timed AS (
            SELECT f.id, f.file_name, f.provider_agb, f.status, f.soort_bericht, f.received_on, f.line_count, f.approved_count,
                   f.rejected_count, f.declared_cents, f.approved_cents, f.period_end, d.deadline,
                   {AnsweredOnSql} AS answered_on,
                   {AnsweredOnSql} - f.received_on AS days,
                   f.soort_bericht IS DISTINCT FROM 'T' AND f.status <> 'quarantined' AS declaration
            FROM vektis_file f
            LEFT JOIN aw320 a ON a.file_id = f.id
            LEFT JOIN deadline d ON d.month = date_trunc('month', f.period_end)::date
            WHERE f.received_on BETWEEN $1 AND $2
        )
        """;

    private const string FiguresSql = FilesCte + """
        SELECT GROUPING(t.provider_agb) = 1 AS total, t.provider_agb, min(p.naam),
               count(*),
               count(*) FILTER (WHERE t.status = 'processed'),
               count(*) FILTER (WHERE t.status = 'rejected'),
               count(*) FILTER (WHERE t.status = 'quarantined'),
               count(*) FILTER (WHERE t.status = 'claimed'),
               count(*) FILTER (WHERE t.soort_bericht = 'T'),
               count(t.answered_on),
               coalesce(sum(t.line_count), 0)::bigint,
               coalesce(sum(t.approved_count), 0)::bigint,
               coalesce(sum(t.rejected_count), 0)::bigint,
               coalesce(sum(t.declared_cents), 0)::bigint,
               coalesce(sum(t.approved_cents), 0)::bigint,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days),
               max(t.days),
               count(*) FILTER (WHERE t.days <= $6),
               count(*) FILTER (WHERE t.days > $7),
               count(*) FILTER (WHERE t.answered_on IS NULL AND t.status = 'claimed' AND $3 - t.received_on > $7),
               count(*) FILTER (WHERE t.declaration AND t.received_on > t.deadline),
               count(*) FILTER (WHERE t.declaration AND t.period_end IS NULL)
        FROM timed t
        LEFT JOIN provider p ON p.agb = t.provider_agb
        GROUP BY GROUPING SETS ((t.provider_agb), ())
        ORDER BY 1, t.provider_agb NULLS LAST
        """;

    private const string OverdueSql = FilesCte + """
        SELECT t.id, t.file_name, t.provider_agb, t.status, t.received_on, t.answered_on, coalesce(t.days, $3 - t.received_on)
        FROM timed t
        WHERE t.days > $7 OR (t.answered_on IS NULL AND t.status = 'claimed' AND $3 - t.received_on > $7)
        ORDER BY 7 DESC, t.id
        LIMIT $8
        """;

    private const string LateSql = FilesCte + """
        SELECT t.id, t.file_name, t.provider_agb, t.period_end, t.deadline, t.received_on
        FROM timed t
        WHERE t.declaration AND t.received_on > t.deadline
        ORDER BY t.received_on - t.deadline DESC, t.id
        LIMIT $8
        """;

    // A rejected line counts once under each code it carries (up to three). Approved lines carry 8001 alone.
    private const string LineCodesSql = """
        SELECT GROUPING(l.provider_agb) = 1, l.provider_agb, c.code, count(*)
        FROM vektis_file f
        JOIN declaration_line l ON l.file_id = f.id
        CROSS JOIN LATERAL (VALUES (l.retourcode_1), (l.retourcode_2), (l.retourcode_3)) AS c(code)
        WHERE f.received_on BETWEEN $1 AND $2 AND f.status = 'processed' AND NOT l.approved AND c.code IS NOT NULL
        GROUP BY GROUPING SETS ((l.provider_agb, c.code), (c.code))
        ORDER BY 1, 4 DESC, 3
        """;

    private const string FileCodesSql = """
        SELECT GROUPING(f.provider_agb) = 1, f.provider_agb, c.code, count(*)
        FROM vektis_file f
        CROSS JOIN LATERAL unnest(f.retourcodes) AS c(code)
        WHERE f.received_on BETWEEN $1 AND $2 AND f.status = 'rejected'
        GROUP BY GROUPING SETS ((f.provider_agb, c.code), (c.code))
        ORDER BY 1, 4 DESC, 3
        """;

    private const string MonthsSql = """
        SELECT DISTINCT date_trunc('month', period_end)::date FROM vektis_file
        WHERE received_on BETWEEN $1 AND $2 AND period_end IS NOT NULL
        """;

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

        var months = new List<DateOnly>();
        await using (var command = Command(connection, transaction, MonthsSql, period, null))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                months.Add(reader.GetFieldValue<DateOnly>(0));
            }
        }

        var deadlines = (months.ToArray(), months.Select(m => Deadline(m, period.DueWorkingDays)).ToArray());

        var figures = await ReadAllAsync(connection, transaction, FiguresSql, period, deadlines, ReadFigures, cancellationToken).ConfigureAwait(false);
        var overdue = await ReadAllAsync(connection, transaction, OverdueSql, period, deadlines, r => new OverdueFile(
            r.GetInt64(0), r.GetString(1), NullableInt(r, 2), r.GetString(3), r.GetFieldValue<DateOnly>(4),
            r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.GetInt32(6)), cancellationToken).ConfigureAwait(false);
        var late = await ReadAllAsync(connection, transaction, LateSql, period, deadlines, r => new LateFile(
            r.GetInt64(0), r.GetString(1), NullableInt(r, 2), r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4),
            r.GetFieldValue<DateOnly>(5)), cancellationToken).ConfigureAwait(false);
        var lineCodes = await ReadAllAsync(connection, transaction, LineCodesSql, period, null, ReadCode, cancellationToken).ConfigureAwait(false);
        var fileCodes = await ReadAllAsync(connection, transaction, FileCodesSql, period, null, ReadCode, cancellationToken).ConfigureAwait(false);

        // The money that means production comes from the run's query and calculator, not from the files' AW320 amounts.
        var production = await FundingInputsQuery.ProductionAsync(
            connection, transaction, period.To.Year, period.To.AddDays(1), _funding, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return new ReportRows(figures, lineCodes, fileCodes, overdue, late) { Production = production };
    }

    private static FileFigures ReadFigures(NpgsqlDataReader r) => new()
    {
        IsTotal = r.GetBoolean(0),
        ProviderAgb = NullableInt(r, 1),
        ProviderName = r.IsDBNull(2) ? null : r.GetString(2),
        Files = r.GetInt64(3),
        Processed = r.GetInt64(4),
        RejectedFiles = r.GetInt64(5),
        Quarantined = r.GetInt64(6),
        InWork = r.GetInt64(7),
        TestFiles = r.GetInt64(8),
        Answered = r.GetInt64(9),
        Lines = r.GetInt64(10),
        ApprovedLines = r.GetInt64(11),
        RejectedLines = r.GetInt64(12),
        DeclaredCents = r.GetInt64(13),
        ApprovedCents = r.GetInt64(14),
        MedianDays = r.IsDBNull(15) ? null : r.GetDouble(15),
        MaxDays = NullableInt(r, 16),
        WithinAim = r.GetInt64(17),
        OverLimit = r.GetInt64(18),
        WaitingOverLimit = r.GetInt64(19),
        Late = r.GetInt64(20),
        PeriodUnknown = r.GetInt64(21),
    };

    private static CodeCount ReadCode(NpgsqlDataReader r) =>
        new(r.GetBoolean(0), NullableInt(r, 1), r.GetInt16(2), r.GetInt64(3));

    private static int? NullableInt(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt32(ordinal);

    private static NpgsqlCommand Command(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, ReportPeriod period, (DateOnly[] Months, DateOnly[] Deadlines)? deadlines)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = period.From });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = period.To });
        if (deadlines is { } d)
        {
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = period.Today });
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = d.Months, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = d.Deadlines, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = period.AimDays });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = period.LimitDays });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = period.ListLimit });
        }

        return command;
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        ReportPeriod period,
        (DateOnly[] Months, DateOnly[] Deadlines)? deadlines,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, period, deadlines);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
