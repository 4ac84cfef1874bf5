using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Worker;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The mailbox directories of <c>wlz run</c> and <c>wlz nightly</c>, made (when missing) before the worker starts: a wrong
/// path is one line naming the setting that fixes it, not a stack trace from inside the worker.
/// </summary>
internal static class MailboxDirectories
{
    /// <exception cref="CommandFailedException">A directory that cannot be made or used.</exception>
    public static void Prepare(WorkerSettings settings)
    {
        foreach (var (key, option, path) in new[]
                 {
                     ("Mailbox:Inbox", "--inbox", settings.Inbox),
                     ("Mailbox:Outbox", "--outbox", settings.Outbox),
                     ("Mailbox:Archive", "--archive", settings.Archive),
                     ("Mailbox:Quarantine", "--quarantine", settings.Quarantine),
                 })
        {
            if (File.Exists(path))
            {
                throw new CommandFailedException($"{key} ({option}): {path} is a file, not a directory");
            }

            try
            {
                Directory.CreateDirectory(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CommandFailedException($"{key} ({option}): cannot make or use {path}: {e.Message}", e);
            }
        }
    }
}
