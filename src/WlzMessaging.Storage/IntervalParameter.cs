using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace WlzMessaging.Storage;

/// <summary>
/// A <see cref="TimeSpan"/> Dapper passes as a PostgreSQL interval. On its own Dapper sends a TimeSpan as a time of day
/// (<see cref="DbType.Time"/>), which <c>now() - @window</c> cannot subtract.
/// </summary>
internal sealed record IntervalParameter(TimeSpan Value) : SqlMapper.ICustomQueryParameter
{
    public void AddParameter(IDbCommand command, string name)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>(name, NpgsqlDbType.Interval) { TypedValue = Value });
    }
}
