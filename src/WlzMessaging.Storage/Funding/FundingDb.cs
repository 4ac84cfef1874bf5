using Npgsql;
using WlzMessaging.Funding;

namespace WlzMessaging.Storage.Funding;

/// <summary>The stored codes of <see cref="ItemKind"/> (advance_item.kind): the codes of <see cref="ItemKindCodes"/>.</summary>
internal static class ItemKinds
{
    public static ItemKind Parse(string code) =>
        ItemKindCodes.TryParse(code, out var kind)
            ? kind
            : throw new InvalidOperationException($"advance item kind '{code}' is unknown");

    public static string Code(ItemKind kind) => ItemKindCodes.Code(kind);
}

/// <summary>The stored codes of <see cref="MndpRejectionReason"/> (advance_mndp_rejection.reason).</summary>
internal static class MndpReasons
{
    public static string Code(MndpRejectionReason reason) => reason switch
    {
        MndpRejectionReason.UnknownProvider => "unknown-provider",
        MndpRejectionReason.NoCrisisafspraak => "no-crisisafspraak",
        MndpRejectionReason.UnknownPrestatie => "unknown-prestatie",
        MndpRejectionReason.TariffDiffersFromContract => "tariff-differs",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown MNDP rejection reason."),
    };

    public static MndpRejectionReason Parse(string code) => code switch
    {
        "unknown-provider" => MndpRejectionReason.UnknownProvider,
        "no-crisisafspraak" => MndpRejectionReason.NoCrisisafspraak,
        "unknown-prestatie" => MndpRejectionReason.UnknownPrestatie,
        "tariff-differs" => MndpRejectionReason.TariffDiffersFromContract,
        _ => throw new InvalidOperationException($"MNDP rejection reason '{code}' is unknown"),
    };
}

/// <summary>Small ADO.NET helpers: typed reads without a mapper, so every column's type is said once, here.</summary>
internal static class FundingDb
{
    /// <summary>"wlz_fund" in ASCII: every write to the advance tables runs under this transaction-level lock.</summary>
    public const long AdvisoryLockKey = 0x776C_7A5F_6675_6E64;

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);

    public static NpgsqlCommand With<T>(this NpgsqlCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return command;
    }

    /// <summary>A nullable value: DBNull when null, with the type Npgsql infers from <typeparamref name="T"/>.</summary>
    public static NpgsqlCommand WithNullable<T>(this NpgsqlCommand command, string name, T? value)
        where T : struct
    {
        command.Parameters.Add(value is { } v ? new NpgsqlParameter<T>(name, v) : new NpgsqlParameter(name, DBNull.Value));
        return command;
    }

    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)").With("key", AdvisoryLockKey);

        // Another operator's run may hold it for as long as its aggregate takes.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> ReadAsync<T>(
        this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var rows = new List<T>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }
            }

            return rows;
        }
    }

    public static async Task<int> ExecuteAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)value;
        }
    }

    public static DateOnly? GetDateOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    public static DateTimeOffset? GetTimeOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
