using System.Globalization;

namespace WlzMessaging.Storage.Embedded;

/// <summary>
/// Where the machine's PostgreSQL server programs live. Debian installs each major version side by side under
/// /usr/lib/postgresql/N/bin and puts none of them on PATH, so that is searched first (newest version first, or the version an
/// existing cluster was made with); PATH covers other installs.
/// </summary>
internal sealed record PostgresBinaries(string Directory, int? MajorVersion)
{
    public const string DebianPackage = "postgresql";

    private static readonly string[] s_programs = ["initdb", "pg_ctl", "postgres"];

    public string Initdb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string Postgres => Path.Combine(Directory, "postgres");

    public static PostgresBinaries Locate(string? explicitDirectory, int? clusterMajorVersion) =>
        Locate(explicitDirectory, clusterMajorVersion, ["/usr/lib/postgresql"], Environment.GetEnvironmentVariable("PATH"));

    /// <param name="explicitDirectory">A directory the operator named: used as is, or a clear error.</param>
    /// <param name="clusterMajorVersion">
    /// The version of an existing cluster (its PG_VERSION): a server of another major version cannot open it, so its own
    /// version wins over the newest.
    /// </param>
    /// <param name="versionRoots">Directories holding one sub-directory per major version (Debian layout).</param>
    /// <param name="path">The PATH to search after the version roots.</param>
    internal static PostgresBinaries Locate(
        string? explicitDirectory, int? clusterMajorVersion, IReadOnlyList<string> versionRoots, string? path)
    {
        if (!string.IsNullOrEmpty(explicitDirectory))
        {
            return HasAllPrograms(explicitDirectory)
                ? new PostgresBinaries(Path.GetFullPath(explicitDirectory), null)
                : throw new EmbeddedPostgresException(
                    $"PostgreSQL server programs ({string.Join(", ", s_programs)}) not found in {explicitDirectory}");
        }

        var candidates = VersionedCandidates(versionRoots).Concat(PathCandidates(path)).ToList();
        if (candidates.Count == 0)
        {
            throw new EmbeddedPostgresException(
                $"PostgreSQL server programs ({string.Join(", ", s_programs)}) not found in " +
                $"{string.Join(", ", versionRoots.Select(r => r + "/*/bin"))} or on PATH: " +
                $"install the Debian package '{DebianPackage}' (apt-get install {DebianPackage})");
        }

        if (clusterMajorVersion is { } wanted)
        {
            // Binaries found on PATH have no version in their path; they may still be the right one, which the server
            // itself checks when it opens the cluster.
            return candidates.FirstOrDefault(c => c.MajorVersion == wanted)
                ?? candidates.FirstOrDefault(c => c.MajorVersion is null)
                ?? throw new EmbeddedPostgresException(
                    $"the cluster was created by PostgreSQL {wanted}, but only version(s) " +
                    $"{string.Join(", ", candidates.Select(c => c.MajorVersion))} are installed: " +
                    $"install the Debian package '{DebianPackage}-{wanted}'");
        }

        return candidates[0];
    }

    private static IEnumerable<PostgresBinaries> VersionedCandidates(IReadOnlyList<string> versionRoots)
    {
        var found = new List<(Version Version, PostgresBinaries Binaries)>();
        foreach (var root in versionRoots)
        {
            if (!System.IO.Directory.Exists(root))
            {
                continue;
            }

            foreach (var versionDirectory in System.IO.Directory.EnumerateDirectories(root))
            {
                var bin = Path.Combine(versionDirectory, "bin");
                if (TryParseVersion(Path.GetFileName(versionDirectory), out var version) && HasAllPrograms(bin))
                {
                    found.Add((version, new PostgresBinaries(bin, version.Major)));
                }
            }
        }

        return found.OrderByDescending(f => f.Version).Select(f => f.Binaries);
    }

    private static IEnumerable<PostgresBinaries> PathCandidates(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            yield break;
        }

        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Path.IsPathFullyQualified(directory) && HasAllPrograms(directory))
            {
                yield return new PostgresBinaries(directory, null);
            }
        }
    }

    /// <summary>"15" and "9.6" are the names Debian gives its version directories.</summary>
    private static bool TryParseVersion(string name, out Version version)
    {
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            version = new Version(major, 0);
            return true;
        }

        if (Version.TryParse(name, out var parsed))
        {
            version = parsed;
            return true;
        }

        version = new Version();
        return false;
    }

    private static bool HasAllPrograms(string directory) => s_programs.All(p => File.Exists(Path.Combine(directory, p)));
}
