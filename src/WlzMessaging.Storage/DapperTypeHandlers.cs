using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace WlzMessaging.Storage;

/// <summary>
/// Teaches Dapper the types this project stores that it does not know itself. Dapper 2.1.66 refuses a <see cref="DateOnly"/>
/// parameter ("cannot be used as a parameter value"; its own support came in 2.1.37 and was withdrawn), although Npgsql
/// handles it natively. Call <see cref="Register"/> once at start; it is idempotent.
/// </summary>
public static class DapperTypeHandlers
{
    private static int s_registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(typeof(DateOnly), new DateOnlyHandler());
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
}
