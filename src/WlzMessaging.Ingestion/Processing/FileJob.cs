namespace WlzMessaging.Ingestion.Processing;

/// <summary>One input file to process and where its results go.</summary>
/// <param name="InputPath">The AW319 (or whatever arrived).</param>
/// <param name="OutboxDirectory">
/// Where the AW320 appears: as the input's base name with the extension <c>.aw320</c>, or, when another input's answer has
/// that name, with a short hash of the input's content added (<see cref="MailboxNames.AnswerCandidates"/>).
/// </param>
/// <param name="Received">The day the file arrived in the mailbox: every date check uses it, never the clock.</param>
/// <param name="AnswerDate">0182 DAGTEKENING RETOURBERICHT of the AW320.</param>
/// <param name="ArchiveDirectory">
/// Worker mode: where the input goes when it is answered (<c>{id:D8}-{name}</c>), with a copy of its AW320 (a hard link,
/// <c>{id:D8}-{name}.aw320</c>) from which a byte-identical copy of the input is answered again. Null (<c>wlz process</c>):
/// the input stays where it is and the AW320 in the outbox is the kept copy.
/// </param>
/// <param name="QuarantineDirectory">
/// Worker mode: where an input that is no Vektis file goes, with <c>{name}.reason.txt</c> beside it. Null: it stays put.
/// </param>
public sealed record FileJob(
    string InputPath,
    string OutboxDirectory,
    DateOnly Received,
    DateOnly AnswerDate,
    string? ArchiveDirectory = null,
    string? QuarantineDirectory = null)
{
    public string FileName => Path.GetFileName(InputPath);

    /// <summary>
    /// The AW320's name when no other input's answer has it: the input's base name with the extension <c>.aw320</c> (cut to
    /// fit, <see cref="MailboxNames"/>). The name an answer got is in its aw320 row and <see cref="FileOutcome.Aw320Path"/>.
    /// </summary>
    public static string AnswerNameOf(string inputName) =>
        MailboxNames.Fit(Path.GetFileNameWithoutExtension(inputName), ".aw320", MailboxNames.AnswerMax);

    /// <summary>The hidden name the AW320 is written under until the store has committed: a mailbox client skips dot-files.</summary>
    public static string TemporaryNameOf(string answerName) => "." + answerName + ".tmp";
}
