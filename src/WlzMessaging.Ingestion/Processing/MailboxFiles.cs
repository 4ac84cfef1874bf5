using System.Text;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>Moves in the mailbox that are not the answer itself.</summary>
internal static class MailboxFiles
{
    /// <summary>
    /// Moves an inbox entry (a file, or whatever else landed there: a FIFO, a socket, a directory, a link, moved as it is and
    /// never opened) to the quarantine directory with <c>{name}.reason.txt</c> beside it. The reason is written (and synced)
    /// first, so a crash leaves at worst a reason without its entry; the entry is then still in the inbox and is quarantined
    /// again. A name already in quarantine gets a number (<c>{name}.1</c>); a long name is cut to fit
    /// (<see cref="MailboxNames.Quarantined"/>). An entry already gone leaves nothing behind.
    /// </summary>
    public static async Task QuarantineAsync(string inputPath, string quarantineDirectory, string reason, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(quarantineDirectory);
        var name = MailboxNames.Quarantined(Path.GetFileName(inputPath));
        var target = Path.Combine(quarantineDirectory, name);
        for (var n = 1; Path.Exists(target) || Path.Exists(target + ".reason.txt"); n++)
        {
            target = Path.Combine(quarantineDirectory, FormattableString.Invariant($"{name}.{n}"));
        }

        var reasonFile = target + ".reason.txt";
        await DurableFiles.WriteSyncedAsync(reasonFile, Encoding.UTF8.GetBytes(reason + "\n"), cancellationToken).ConfigureAwait(false);
        try
        {
            DurableFiles.MoveEntrySynced(inputPath, target);
        }
        catch (FileNotFoundException)
        {
            File.Delete(reasonFile);
        }
    }
}
