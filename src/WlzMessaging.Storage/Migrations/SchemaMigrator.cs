using Npgsql;

namespace WlzMessaging.Storage.Migrations;

/// <summary>
/// Brings a database's schema up to date: applies the migrations it has not run yet, in version order, each in its own
/// transaction together with its row in <c>schema_migrations</c>, so a migration is either wholly applied and recorded or
/// not at all. Refuses a database whose applied migrations differ from this build's (an edited migration, a migration this
/// build does not know, one skipped in between).
/// </summary>
/// <remarks>
/// Several processes may start at once (workers scaling out, a command beside a worker): each transaction first takes a
/// transaction-level advisory lock, so they apply migrations one at a time and each sees what the others did. A
/// transaction-level lock is released by commit or rollback, even when the connection goes back to a pool.
/// </remarks>
public sealed class SchemaMigrator
{
    /// <summary>"wlz_migr" in ASCII: a fixed key of our own, unlikely to meet another advisory lock user's key.</summary>
    internal const long AdvisoryLockKey = 0x776C_7A5F_6D69_6772;

    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private static readonly Lazy<SchemaMigrator> s_default = new(() => new SchemaMigrator(MigrationCatalog.Embedded));

    public SchemaMigrator(IEnumerable<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new MigrationException($"two migrations have version {ordered[i].Version}: {ordered[i - 1].Id} and {ordered[i].Id}");
            }
        }

        Migrations = ordered;
    }

    /// <summary>The migrations shipped in this build (<see cref="MigrationCatalog.Embedded"/>).</summary>
    public static SchemaMigrator Default => s_default.Value;

    public IReadOnlyList<Migration> Migrations { get; }

    /// <exception cref="MigrationException">A migration failed (rolled back, nothing recorded) or the database does not match.</exception>
    public async Task<MigrationResult> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        IReadOnlyDictionary<int, AppliedMigration> appliedBefore;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            appliedBefore = await LockAndReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Verify(appliedBefore);

        var appliedNow = new List<Migration>();
        foreach (var migration in Migrations.Where(m => !appliedBefore.ContainsKey(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // Another process may have applied it since we looked: look again under the lock.
            var applied = await LockAndReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            Verify(applied);
            if (applied.ContainsKey(migration.Version))
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await ApplyAsync(connection, transaction, migration, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            appliedNow.Add(migration);
        }

        return new MigrationResult(appliedNow, Migrations.Count - appliedNow.Count);
    }

    private static async Task<IReadOnlyDictionary<int, AppliedMigration>> LockAndReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });

            // Waiting for another process's migration may take as long as that migration does.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(CreateTableSql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new Dictionary<int, AppliedMigration>();
        await using (var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
                applied.Add(row.Version, row);
            }
        }

        return applied;
    }

    private void Verify(IReadOnlyDictionary<int, AppliedMigration> applied)
    {
        foreach (var row in applied.Values.OrderBy(r => r.Version))
        {
            var known = Migrations.FirstOrDefault(m => m.Version == row.Version)
                ?? throw new MigrationException(
                    $"the database has migration {row.Version:D4}_{row.Name}, which this build does not have: it was migrated by a newer version");
            if (known.Checksum != row.Checksum)
            {
                throw new MigrationException(
                    $"migration {known.Id} was edited after it was applied (checksum {row.Checksum[..12]}… in the database, " +
                    $"{known.Checksum[..12]}… in this build): a landed migration is never changed; add a new one instead");
            }
        }

        var lastApplied = applied.Count == 0 ? 0 : applied.Keys.Max();
        var skipped = Migrations.FirstOrDefault(m => m.Version < lastApplied && !applied.ContainsKey(m.Version));
        if (skipped is not null)
        {
            throw new MigrationException(
                $"migration {skipped.Id} was never applied, but the later {lastApplied:D4} was: a new migration must come after the last one applied");
        }
    }

    private static async Task ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        try
        {
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                // A migration that rewrites a large table may run for minutes; it is not a request to time out.
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"migration {migration.Id} failed and was rolled back: {e.Message}", e);
        }
    }

    private sealed record AppliedMigration(int Version, string Name, string Checksum);
}
