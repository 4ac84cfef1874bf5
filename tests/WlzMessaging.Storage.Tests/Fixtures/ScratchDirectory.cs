using WlzMessaging.Storage.Embedded;

namespace WlzMessaging.Testing;

/// <summary>
/// Data directories for throwaway clusters: /tmp/wlz-test-RANDOM. Directly under /tmp (not TMPDIR, which may be private
/// to this user) so that, as root, the postgres user can reach them. A run killed before its cleanup leaves one behind,
/// with its server running; the next run stops and removes it.
/// </summary>
public static class ScratchDirectory
{
    private const string Prefix = "wlz-test-";

    /// <summary>A fresh path that does not exist yet; the launcher creates it.</summary>
    public static string NewPath() => Path.Combine("/tmp", Prefix + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Removes the scratch directories of earlier runs that no live process uses any more.</summary>
    public static async Task DeleteAbandonedAsync()
    {
        foreach (var directory in Directory.EnumerateDirectories("/tmp", Prefix + "*"))
        {
            // Skip the young ones: another run may have made the directory and not yet taken its lease on it.
            if (Directory.GetLastWriteTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-5))
            {
                continue;
            }

            try
            {
                await EmbeddedPostgres.DeleteIfUnusedAsync(directory, EmbeddedPostgresOptions.ForTests);
            }
            catch (Exception e) when (e is EmbeddedPostgresException or IOException or UnauthorizedAccessException)
            {
                // Best effort: a directory we cannot clean is someone else's problem, not this run's.
            }
        }
    }
}
