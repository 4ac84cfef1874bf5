namespace WlzMessaging.Host.Tests.Support;

/// <summary>A worker's four directories under one temporary root.</summary>
internal sealed class Mailbox : IDisposable
{
    private readonly TempDirectory _root = new();

    public Mailbox()
    {
        foreach (var directory in new[] { Inbox, Outbox, Archive, Quarantine })
        {
            Directory.CreateDirectory(directory);
        }
    }

    public string Root => _root.Path;

    public string Inbox => Path.Combine(Root, "inbox");

    public string Outbox => Path.Combine(Root, "outbox");

    public string Archive => Path.Combine(Root, "archive");

    public string Quarantine => Path.Combine(Root, "quarantine");

    /// <summary>The options that point <c>wlz run</c> here.</summary>
    public string[] RunOptions(string connection, string uzovi = "5509") =>
        ["--inbox", Inbox, "--outbox", Outbox, "--archive", Archive, "--quarantine", Quarantine, "--uzovi", uzovi, "--connection", connection];

    public static string[] Names(string directory, string pattern = "*") =>
        Directory.EnumerateFiles(directory, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Makes a file look as if it arrived on <paramref name="day"/> (the worker takes the arrival from its mtime).</summary>
    public static void ArrivedOn(string path, DateOnly day) =>
        File.SetLastWriteTimeUtc(path, day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));

    public void Dispose() => _root.Dispose();
}
