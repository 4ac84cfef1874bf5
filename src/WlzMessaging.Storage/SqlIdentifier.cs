namespace WlzMessaging.Storage;

/// <summary>Quotes a name for SQL where a parameter cannot stand (CREATE DATABASE, DROP DATABASE).</summary>
public static class SqlIdentifier
{
    public static string Quote(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("an identifier cannot contain a NUL character", nameof(name));
        }

        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
