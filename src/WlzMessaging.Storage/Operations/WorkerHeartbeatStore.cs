using Npgsql;

namespace WlzMessaging.Storage.Operations;

/// <summary>
/// The workers' heartbeats in <c>worker_heartbeat</c> (migration 0004): a worker calls <see cref="BeatAsync"/> every
/// interval and when its state changes; <c>wlz status</c> and the dashboard call <see cref="ReadAsync"/>.
/// </summary>
public sealed class WorkerHeartbeatStore(NpgsqlDataSource dataSource)
{
    private const string UpsertSql = """
        INSERT INTO worker_heartbeat AS h (worker_id, host, pid, started_at, seen_at, interval_seconds, inbox, current_file, state)
        VALUES ($1, $2, $3, $4, now(), $5, $6, $7, $8)
        ON CONFLICT (worker_id) DO UPDATE SET
            host = excluded.host, pid = excluded.pid, started_at = excluded.started_at, seen_at = excluded.seen_at,
            interval_seconds = excluded.interval_seconds, inbox = excluded.inbox, current_file = excluded.current_file,
            state = excluded.state
        """;

    private const string ReadSql = """
        SELECT worker_id, host, pid, started_at, seen_at, interval_seconds, inbox, current_file, state,
               extract(epoch FROM now() - seen_at)::float8
        FROM worker_heartbeat
        WHERE seen_at >= now() - make_interval(secs => $1)
           OR (state <> 'stopped' AND now() - seen_at <= 2 * make_interval(secs => interval_seconds))
        ORDER BY seen_at DESC, worker_id
        """;

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>Writes the worker's row: inserted on its first beat, replaced on every later one.</summary>
    public async Task BeatAsync(WorkerHeartbeat beat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(beat);
        ArgumentOutOfRangeException.ThrowIfLessThan(beat.Interval, TimeSpan.FromSeconds(1), nameof(beat));
        await using var command = _dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = beat.WorkerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = beat.Host });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = beat.Pid });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = beat.StartedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)Math.Ceiling(beat.Interval.TotalSeconds) });
        command.Parameters.Add(new NpgsqlParameter { Value = beat.Inbox is { } inbox ? inbox : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)beat.CurrentFile ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerHeartbeat.StateText(beat.State) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The workers seen within <paramref name="seenWithin"/> (default a day) and every worker still running, newest beat
    /// first.
    /// </summary>
    public async Task<IReadOnlyList<WorkerStatus>> ReadAsync(TimeSpan? seenWithin = null, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = (seenWithin ?? TimeSpan.FromDays(1)).TotalSeconds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var workers = new List<WorkerStatus>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            workers.Add(new WorkerStatus(
                WorkerId: reader.GetString(0),
                Host: reader.GetString(1),
                Pid: reader.GetInt32(2),
                StartedAt: reader.GetFieldValue<DateTimeOffset>(3),
                SeenAt: reader.GetFieldValue<DateTimeOffset>(4),
                Interval: TimeSpan.FromSeconds(reader.GetInt32(5)),
                State: WorkerHeartbeat.ParseState(reader.GetString(8)),
                Inbox: reader.IsDBNull(6) ? null : reader.GetInt32(6),
                CurrentFile: reader.IsDBNull(7) ? null : reader.GetString(7),
                SinceSeen: TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(9)))));
        }

        return workers;
    }

    /// <summary>Removes the rows of workers not seen for <paramref name="olderThan"/>; returns how many.</summary>
    public async Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM worker_heartbeat WHERE seen_at < now() - make_interval(secs => $1)");
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = olderThan.TotalSeconds });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
