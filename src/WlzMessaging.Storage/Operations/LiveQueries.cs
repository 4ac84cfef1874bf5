using Dapper;
using Npgsql;
using WlzMessaging.Storage.Workers;

namespace WlzMessaging.Storage.Operations;

/// <summary>
/// Files answered and lines judged in one minute of the last hour, counted back from now: minute 0 is the last 60 seconds
/// (a burst shows at once), 59 the oldest.
/// </summary>
public sealed record MinuteThroughput(int MinutesAgo, long Files, long Lines);

/// <summary>AW320s written: all time, in the last hour, and in the dashboard's window.</summary>
public sealed record Aw320Counts(long Total, long LastHour, long InWindow);

/// <summary>The last file answered: its AW320 and the file it answers.</summary>
public sealed record LastAnswer(
    long FileId, string Aw320Name, DateTimeOffset WrittenAt, int? ProviderAgb, string Status, long Lines, DateOnly ReceivedOn, string? InputName = null);

/// <summary>A provider's files whose outcome committed within the window.</summary>
public sealed record ProviderActivity(
    int? ProviderAgb, string? ProviderName, long Files, long Processed, long RejectedFiles, long Lines, long ApprovedLines,
    long RejectedLines, long ApprovedCents);

/// <summary>What the dashboard shows, read in one snapshot. Aggregates only: no line, no BSN.</summary>
public sealed record DashboardRows(
    DateTimeOffset Now,
    TimeSpan Window,
    IReadOnlyList<MinuteThroughput> LastHour,
    Aw320Counts Aw320,
    LastAnswer? LastAnswer,
    IReadOnlyList<ProviderActivity> Providers,
    IReadOnlyList<CodeCount> Rejections,
    IReadOnlyList<WorkerStatus> Workers,
    NightlyRun? LastNightly)
{
    /// <summary>The files rejected as a whole within the window, by cause (<see cref="ReportQueries"/>' rule), per provider and in all.</summary>
    public IReadOnlyList<CodeCount> WholeFileRejections { get; init; } = [];
}

/// <summary>What <c>wlz status</c> shows.</summary>
public sealed record StatusRows(
    DateTimeOffset Now,
    string ServerVersion,
    IReadOnlyList<WorkerStatus> Workers,
    LastAnswer? LastAnswer,
    NightlyRun? LastNightly);

/// <summary>
/// The queries of the live views (<c>wlz status</c>, the dashboard): small aggregates over vektis_file and aw320, and over
/// the lines of the files finished within the window (reached by file, through the primary key). Dapper maps each row to its
/// record by the column names the SQL gives.
/// </summary>
public sealed class LiveQueries(NpgsqlDataSource dataSource)
{
    private const string ThroughputSql = """
        SELECT greatest(0, least(59, floor(extract(epoch FROM now() - finished_at) / 60)))::int AS MinutesAgo, count(*) AS Files,
               coalesce(sum(line_count), 0)::bigint AS Lines
        FROM vektis_file
        WHERE finished_at >= now() - interval '1 hour' AND status IN ('processed', 'rejected')
        GROUP BY 1
        ORDER BY 1
        """;

    private const string Aw320Sql = """
        SELECT count(*) AS Total,
               count(*) FILTER (WHERE written_at >= now() - interval '1 hour') AS LastHour,
               count(*) FILTER (WHERE written_at >= now() - @window) AS InWindow
        FROM aw320
        """;

    private const string LastAnswerSql = """
        SELECT a.file_id AS FileId, a.file_name AS Aw320Name, a.written_at AS WrittenAt, f.provider_agb AS ProviderAgb,
               f.status AS Status, f.line_count::bigint AS Lines, f.received_on AS ReceivedOn, f.file_name AS InputName
        FROM aw320 a
        JOIN vektis_file f ON f.id = a.file_id
        ORDER BY a.written_at DESC, a.file_id DESC
        LIMIT 1
        """;

    private const string ProvidersSql = """
        SELECT f.provider_agb AS ProviderAgb, min(p.naam) AS ProviderName, count(*) AS Files,
               count(*) FILTER (WHERE f.status = 'processed') AS Processed, count(*) FILTER (WHERE f.status = 'rejected') AS RejectedFiles,
               coalesce(sum(f.line_count), 0)::bigint AS Lines, coalesce(sum(f.approved_count), 0)::bigint AS ApprovedLines,
               coalesce(sum(f.rejected_count), 0)::bigint AS RejectedLines, coalesce(sum(f.approved_cents), 0)::bigint AS ApprovedCents
        FROM vektis_file f
        LEFT JOIN provider p ON p.agb = f.provider_agb
        WHERE f.finished_at >= now() - @window
        GROUP BY f.provider_agb
        ORDER BY 6 DESC, 1 NULLS LAST
        """;

    private const string RejectionsSql = """
        SELECT GROUPING(l.provider_agb) = 1 AS IsTotal, l.provider_agb AS ProviderAgb, c.code AS Code, count(*) AS Count
        FROM vektis_file f
        JOIN declaration_line l ON l.file_id = f.id
        CROSS JOIN LATERAL (VALUES (l.retourcode_1), (l.retourcode_2), (l.retourcode_3)) AS c(code)
        WHERE f.finished_at >= now() - @window AND f.status = 'processed' AND NOT l.approved AND c.code IS NOT NULL
        GROUP BY GROUPING SETS ((l.provider_agb, c.code), (c.code))
        ORDER BY 1, 4 DESC, 3
        """;

    private const string WholeFileRejectionsSql = $"""
        SELECT GROUPING(f.provider_agb) = 1 AS IsTotal, f.provider_agb AS ProviderAgb, c.code AS Code, count(*) AS Count
        FROM vektis_file f
        CROSS JOIN LATERAL {ReportQueries.WholeFileCausesSql} AS c(code)
        WHERE f.finished_at >= now() - @window AND f.status = 'rejected'
        GROUP BY GROUPING SETS ((f.provider_agb, c.code), (c.code))
        ORDER BY 1, 4 DESC, 3
        """;

    static LiveQueries() => DapperTypeHandlers.Register();

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>The dashboard's figures; per provider and per retourcode over the files finished within <paramref name="window"/>.</summary>
    public async Task<DashboardRows> ReadDashboardAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            .ConfigureAwait(false);
        var now = await NowAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var windowed = new { window = new IntervalParameter(window) };
        var throughput = await QueryAsync<MinuteThroughput>(connection, transaction, ThroughputSql, null, cancellationToken).ConfigureAwait(false);
        var aw320 = await connection.QuerySingleAsync<Aw320Counts>(
            new CommandDefinition(Aw320Sql, windowed, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var last = await ReadLastAnswerAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var providers = await QueryAsync<ProviderActivity>(connection, transaction, ProvidersSql, windowed, cancellationToken).ConfigureAwait(false);
        var rejections = await QueryAsync<CodeCount>(connection, transaction, RejectionsSql, windowed, cancellationToken).ConfigureAwait(false);
        var wholeFiles = await QueryAsync<CodeCount>(connection, transaction, WholeFileRejectionsSql, windowed, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var workers = await new WorkerStatusStore(_dataSource).ReadAsync(null, cancellationToken).ConfigureAwait(false);
        var nightly = await new NightlyRunStore(_dataSource).ReadLastAsync(cancellationToken).ConfigureAwait(false);
        return new DashboardRows(now, window, throughput, aw320, last, providers, rejections, workers, nightly) { WholeFileRejections = wholeFiles };
    }

    /// <summary>The figures of <c>wlz status</c>; throws the driver's exception when the database cannot be reached.</summary>
    public async Task<StatusRows> ReadStatusAsync(CancellationToken cancellationToken = default)
    {
        string version;
        DateTimeOffset now;
        LastAnswer? last;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            version = connection.PostgreSqlVersion.ToString();
            now = await NowAsync(connection, null, cancellationToken).ConfigureAwait(false);
            last = await ReadLastAnswerAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }

        var workers = await new WorkerStatusStore(_dataSource).ReadAsync(null, cancellationToken).ConfigureAwait(false);
        var nightly = await new NightlyRunStore(_dataSource).ReadLastAsync(cancellationToken).ConfigureAwait(false);
        return new StatusRows(now, version, workers, last, nightly);
    }

    private static Task<DateTimeOffset> NowAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<DateTimeOffset>(new CommandDefinition("SELECT now()", null, transaction, cancellationToken: cancellationToken));

    private static Task<LastAnswer?> ReadLastAnswerAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<LastAnswer?>(new CommandDefinition(LastAnswerSql, null, transaction, cancellationToken: cancellationToken));

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).AsList();
}
