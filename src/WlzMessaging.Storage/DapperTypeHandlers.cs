using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace WlzMessaging.Storage;

/// <summary>
/// Teaches Dapper the types this project stores that it does not read or pass as Npgsql does. Dapper 2.1.66 refuses a
/// <see cref="DateOnly"/> parameter ("cannot be used as a parameter value"; its own support came in 2.1.37 and was
/// withdrawn), although Npgsql handles it natively; and Dapper reads a column through the value Npgsql gives by default, a
/// <see cref="DateTime"/> for date and for timestamptz, which it cannot turn into a <see cref="DateOnly"/> or a
/// <see cref="DateTimeOffset"/> itself. Call <see cref="Register"/> once at start; it is idempotent.
/// </summary>
public static class DapperTypeHandlers
{
    private static int s_registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(typeof(DateOnly), new DateOnlyHandler());
            SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new DateTimeOffsetHandler());
        }
    }

    /// <summary>Registered for DateOnly, and through Dapper for DateOnly? too: so NULL comes in as DBNull here.</summary>
    private sealed class DateOnlyHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.Value = value is DateOnly ? value : DBNull.Value;
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.Date;
            }
        }

        // Npgsql's default CLR type for a date column is DateTime; Dapper reads through it.
        public object? Parse(Type destinationType, object value) => value switch
        {
            DBNull => null,
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => throw new InvalidCastException($"cannot read a {value.GetType().Name} as a DateOnly"),
        };
    }

    /// <summary>
    /// Registered for DateTimeOffset, and through Dapper for DateTimeOffset? too. A timestamptz is a point in time: Npgsql
    /// gives it as a UTC DateTime and takes a DateTimeOffset of offset zero, as without this handler.
    /// </summary>
    private sealed class DateTimeOffsetHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.Value = value is DateTimeOffset ? value : DBNull.Value;
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.TimestampTz;
            }
        }

        public object? Parse(Type destinationType, object value) => value switch
        {
            DBNull => null,
            DateTimeOffset time => time,
            DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
            DateTime => throw new InvalidCastException("a timestamp without time zone is no point in time: read it as a DateTime"),
            _ => throw new InvalidCastException($"cannot read a {value.GetType().Name} as a DateTimeOffset"),
        };
    }
}
