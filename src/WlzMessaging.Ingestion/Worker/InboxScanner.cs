namespace WlzMessaging.Ingestion.Worker;

/// <summary>
/// Finds the entries of the inbox that are complete, and says what each is. The convention (README, specs/ingestion.md):
/// <list type="bullet">
/// <item>A name starting with '.' or ending in .part, .partial, .tmp or .filepart is a file still being written: never taken.
/// A mailbox client that writes under such a name and renames into place when done is safe with any setting.</item>
/// <item>Any other entry is taken once its size and modification time have not changed for <c>StableFor</c>: a client that
/// writes in place is not caught half-way as long as it does not pause longer than that while writing.</item>
/// <item>An entry's type is read without opening it (<see cref="EntryStatus"/>): a regular file is processed; a symbolic link
/// to one is followed (its target's size and time count); anything else (FIFO, socket, device, directory, a dangling link)
/// is reported as <see cref="InboxEntryKind.NotAFile"/>, for quarantine. A name that is not UTF-8 is reported by its bytes.</item>
/// </list>
/// Only the inbox itself is scanned, not its subdirectories.
/// </summary>
internal sealed class InboxScanner(string inbox, TimeSpan stableFor, TimeProvider time)
{
    private static readonly string[] s_partialSuffixes = [".part", ".partial", ".tmp", ".filepart"];

    /// <summary>Each entry's size and time when last scanned, and since when they have been so (a clock of this process).</summary>
    private readonly Dictionary<string, (long Size, DateTime Modified, DateTime Since)> _seen = new(StringComparer.Ordinal);

    /// <summary>Entries waiting until they have been still for long enough, after the last <see cref="Scan"/>.</summary>
    public int Waiting { get; private set; }

    public static bool IsPartialName(string name) =>
        name.StartsWith('.') || s_partialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The complete regular files, oldest first (then by name): what the nightly sweep processes.</summary>
    public IReadOnlyList<string> Scan() =>
        ScanEntries().Where(e => e.Kind == InboxEntryKind.File).Select(e => e.Path).ToList();

    /// <summary>Every complete entry with its kind, oldest first (then by name); names that are not UTF-8 last.</summary>
    public IReadOnlyList<InboxEntry> ScanEntries()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ready = new List<InboxEntry>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var undecodable = false;
        Waiting = 0;
        foreach (var info in new DirectoryInfo(inbox).EnumerateFileSystemInfos())
        {
            // .NET shows a name that is not UTF-8 with U+FFFD: no entry answers to that name, the raw listing below finds it.
            undecodable |= info.Name.Contains('\uFFFD', StringComparison.Ordinal);
            if (IsPartialName(info.Name) || Classify(info.FullName) is not { } entry)
            {
                continue;
            }

            present.Add(info.Name);
            var (kind, problem, size, modified) = entry;
            // Still: unchanged since the last scan, and either its time is StableFor old or it has been seen unchanged for
            // that long (a time in the future, from a client's clock or a touch, would otherwise keep it waiting for ever).
            var known = _seen.TryGetValue(info.Name, out var before);
            var unchanged = !known || (before.Size, before.Modified) == (size, modified);
            var since = known && unchanged ? before.Since : now;
            _seen[info.Name] = (size, modified, since);
            if (unchanged && (now - modified >= stableFor || now - since >= stableFor))
            {
                ready.Add(new InboxEntry(info.FullName, kind, modified, problem));
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

        var ordered = ready.OrderBy(r => r.ModifiedUtc).ThenBy(r => r.Path, StringComparer.Ordinal).ToList();
        if (undecodable)
        {
            foreach (var raw in EntryStatus.UndecodableNames(inbox))
            {
                var escaped = LogText.Escape(raw);
                if (!IsPartialName(escaped))
                {
                    ordered.Add(new InboxEntry(Path.Combine(inbox, escaped), InboxEntryKind.UndecodableName, default, RawName: raw));
                }
            }
        }

        return ordered;
    }

    /// <summary>What the entry is, with the size and time that must stand still; null when it is gone.</summary>
    private static (InboxEntryKind Kind, string? Problem, long Size, DateTime Modified)? Classify(string path)
    {
        if (EntryStatus.Of(path) is not { } entry)
        {
            return null;
        }

        switch (entry.Type)
        {
            case EntryType.Regular:
                return (InboxEntryKind.File, null, entry.Size, entry.ModifiedUtc);
            case EntryType.SymbolicLink:
                var target = EntryStatus.Target(path, out var error);
                var link = "a symbolic link to " + LogText.Escape(new FileInfo(path).LinkTarget);
                return target switch
                {
                    { Type: EntryType.Regular } file => (InboxEntryKind.Link, null, file.Size, file.ModifiedUtc),
                    { } other => (InboxEntryKind.NotAFile, $"{link}, which is {EntryStatus.Describe(other.Type)}, not a file", entry.Size, entry.ModifiedUtc),
                    null when error == EntryStatus.NoSuchEntry => (InboxEntryKind.NotAFile, $"{link}, which does not exist", entry.Size, entry.ModifiedUtc),
                    null when error == EntryStatus.Loop => (InboxEntryKind.NotAFile, $"{link}: a loop of links", entry.Size, entry.ModifiedUtc),
                    null => (InboxEntryKind.NotAFile, $"{link}, which cannot be reached (errno {error})", entry.Size, entry.ModifiedUtc),
                };
            default:
                return (InboxEntryKind.NotAFile, $"{EntryStatus.Describe(entry.Type)}, not a file", entry.Size, entry.ModifiedUtc);
        }
    }
}
