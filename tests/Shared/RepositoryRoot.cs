namespace WlzMessaging.Testing;

/// <summary>Finds the repository's own files (specs/, testdata/) from a test's output directory.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Locate);

    public static string Path => s_path.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WlzMessaging.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WlzMessaging.sln not found above " + AppContext.BaseDirectory);
    }
}
