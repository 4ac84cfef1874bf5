using Npgsql;

namespace WlzMessaging.Storage.Workers;

/// <summary>The states of a worker's row in <c>worker</c> (0002).</summary>
public static class WorkerStates
{
    public const string Starting = "starting";
    public const string Idle = "idle";
    public const string Processing = "processing";
    public const string Stopped = "stopped";
}

/// <summary>
/// A worker's row in <c>worker</c>: its heartbeat, state and the file in hand, for operators and <c>wlz status</c>. Nothing
/// depends on it for correctness: files are claimed by advisory locks, never by these rows.
/// </summary>
public sealed class WorkerRegistry(NpgsqlDataSource dataSource, string workerId, string inbox)
{
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    public string WorkerId { get; } = workerId;

    /// <summary>Writes the worker's state; <paramref name="finishedFile"/> counts a file done and remembers its name.</summary>
    public async Task ReportAsync(string state, string? currentFile = null, string? finishedFile = null, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO worker (worker_id, host, pid, started_at, heartbeat_at, state, inbox, current_file, files_done, last_file, last_file_at)
            VALUES ($1, $2, $3, $4, now(), $5, $6, $7, CASE WHEN $8::text IS NULL THEN 0 ELSE 1 END, $8,
                    CASE WHEN $8::text IS NULL THEN NULL ELSE now() END)
            ON CONFLICT (worker_id) DO UPDATE SET
                heartbeat_at = now(), state = excluded.state, current_file = excluded.current_file,
                files_done = worker.files_done + excluded.files_done,
                last_file = coalesce(excluded.last_file, worker.last_file),
                last_file_at = coalesce(excluded.last_file_at, worker.last_file_at)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Environment.MachineName });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Environment.ProcessId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = _startedAt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = inbox });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)currentFile ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)finishedFile ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
