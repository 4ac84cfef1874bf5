using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WlzMessaging.Storage.Migrations;

/// <summary>
/// One versioned schema change: the SQL of <c>Migrations/NNNN_name.sql</c>. Once a migration has landed it is never edited;
/// its checksum, recorded when it ran, catches an edit.
/// </summary>
public sealed partial record Migration
{
    public Migration(int version, string name, string sql)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(sql);
        Version = version;
        Name = name;
        Sql = sql;
        Checksum = ComputeChecksum(sql);
    }

    public int Version { get; }

    public string Name { get; }

    public string Sql { get; }

    /// <summary>SHA-256 of the SQL in lowercase hex, with line ends made LF and a byte-order mark dropped first, so a checkout
    /// that turns LF into CR LF (git on Windows) does not read as an edit.</summary>
    public string Checksum { get; }

    /// <summary>"0001_core_schema": how messages and the file system name it.</summary>
    public string Id => Version.ToString("D4", CultureInfo.InvariantCulture) + "_" + Name;

    /// <summary>Reads "0001_core_schema.sql" as version 1, name "core_schema".</summary>
    public static Migration FromFile(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new MigrationException($"migration file '{fileName}' is not named NNNN_name.sql");
        }

        return new Migration(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), match.Groups[2].Value, sql);
    }

    public override string ToString() => Id;

    private static string ComputeChecksum(string sql)
    {
        var normalized = sql.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    [GeneratedRegex(@"^([0-9]{4})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
