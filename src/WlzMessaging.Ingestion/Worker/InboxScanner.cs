namespace WlzMessaging.Ingestion.Worker;

/// <summary>
/// Finds the files in the inbox that are complete. The convention (README, specs/ingestion.md):
/// <list type="bullet">
/// <item>A name starting with '.' or ending in .part, .partial, .tmp or .filepart is a file still being written: never taken.
/// A mailbox client that writes under such a name and renames into place when done is safe with any setting.</item>
/// <item>Any other file is taken once its size and modification time have not changed for <c>StableFor</c>: a client that
/// writes in place is not caught half-way as long as it does not pause longer than that while writing.</item>
/// </list>
/// Only the inbox itself is scanned, not its subdirectories.
/// </summary>
internal sealed class InboxScanner(string inbox, TimeSpan stableFor, TimeProvider time)
{
    private static readonly string[] s_partialSuffixes = [".part", ".partial", ".tmp", ".filepart"];

    private readonly Dictionary<string, (long Size, DateTime Modified)> _seen = new(StringComparer.Ordinal);

    /// <summary>Files waiting until they have been still for long enough, after the last <see cref="Scan"/>.</summary>
    public int Waiting { get; private set; }

    public static bool IsPartialName(string name) =>
        name.StartsWith('.') || s_partialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The complete files, oldest first (then by name).</summary>
    public IReadOnlyList<string> Scan()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ready = new List<(string Path, DateTime Modified)>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        Waiting = 0;
        foreach (var info in new DirectoryInfo(inbox).EnumerateFiles())
        {
            if (IsPartialName(info.Name))
            {
                continue;
            }

            long size;
            DateTime modified;
            try
            {
                info.Refresh();
                size = info.Length;
                modified = info.LastWriteTimeUtc;
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            present.Add(info.Name);
            var unchanged = !_seen.TryGetValue(info.Name, out var before) || before == (size, modified);
            _seen[info.Name] = (size, modified);
            if (unchanged && now - modified >= stableFor)
            {
                ready.Add((info.FullName, modified));
            }
            else
            {
                Waiting++;
            }
        }

        foreach (var gone in _seen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _seen.Remove(gone);
        }

        return ready.OrderBy(r => r.Modified).ThenBy(r => r.Path, StringComparer.Ordinal).Select(r => r.Path).ToList();
    }
}
