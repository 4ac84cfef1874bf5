using System.Reflection;

namespace WlzMessaging.Storage.Migrations;

/// <summary>The migrations shipped inside this assembly: every Migrations/NNNN_name.sql, embedded as a resource.</summary>
public static class MigrationCatalog
{
    /// <summary>The resource names' prefix; the project file gives each .sql this logical name.</summary>
    internal const string ResourcePrefix = "WlzMessaging.Storage.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> s_embedded = new(Load);

    /// <summary>All shipped migrations, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded => s_embedded.Value;

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            migrations.Add(Migration.FromFile(resource[ResourcePrefix.Length..], Read(assembly, resource)));
        }

        return migrations.OrderBy(m => m.Version).ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new MigrationException($"embedded migration '{resource}' cannot be read");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
