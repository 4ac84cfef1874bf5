using Microsoft.Extensions.Logging;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Files;

namespace WlzMessaging.Ingestion.Nightly;

/// <summary>
/// Temporary AW320s (<c>.NAME.aw320.tmp</c>) that a process left in the outbox when it died and whose input will not come
/// back to finish them (an operator took it out of the inbox). Processing writes the AW320 under that hidden name and renames
/// it after the commit; an input processed again finds it and finishes the job itself, so one is left alone while its input
/// is in the inbox, and while it is younger than <see cref="MinimumAge"/> (a processor may be writing it).
/// </summary>
/// <remarks>
/// Nothing is lost: a temporary AW320 the store holds as committed (same name, same SHA-256) is the answer the provider is
/// owed, so it is published when the outbox lacks it; one the store does not hold is the leftover of a transaction that
/// rolled back, and is removed. A committed one whose name the outbox already holds with other content is left for an
/// operator, with a warning.
/// </remarks>
public static class StaleAnswers
{
    /// <summary>Far longer than any file takes; the nightly job looks once a day.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(24);

    public static async Task<StaleAnswersTidied> TidyAsync(
        Store store, string outbox, string inbox, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (!Directory.Exists(outbox))
        {
            return new StaleAnswersTidied(0, 0, 0);
        }

        var waiting = Directory.Exists(inbox)
            ? Directory.EnumerateFiles(inbox).Select(path => FileJob.AnswerNameOf(Path.GetFileName(path))).ToHashSet(StringComparer.Ordinal)
            : [];
        var now = time.GetUtcNow().UtcDateTime;
        int published = 0, removed = 0, left = 0;
        // Listed first: publishing and removing change the directory being listed.
        foreach (var path in Directory.GetFiles(outbox, ".*.aw320.tmp"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var temporary = Path.GetFileName(path);
            var answerName = temporary[1..^".tmp".Length];
            if (now - File.GetLastWriteTimeUtc(path) < MinimumAge || waiting.Contains(answerName))
            {
                continue;
            }

            var sha256 = await DurableFiles.HashAsync(path, cancellationToken).ConfigureAwait(false);
            var committed = await VektisFileRepository.IsCommittedAw320Async(store, answerName, sha256, cancellationToken).ConfigureAwait(false);

            var final = Path.Combine(outbox, answerName);
            if (committed && !File.Exists(final))
            {
                DurableFiles.Publish(path, final);
                published++;
                logger.LogWarning("Nightly: {Aw320} was committed but never published (the process died after its commit); published now", LogText.Escape(answerName));
            }
            else if (committed && !await DurableFiles.HasContentAsync(final, sha256, cancellationToken).ConfigureAwait(false))
            {
                left++;
                logger.LogWarning(
                    "Nightly: {Temporary} is a committed AW320, but the outbox holds another {Aw320}; left for an operator", LogText.Escape(temporary), LogText.Escape(answerName));
            }
            else
            {
                File.Delete(path);
                removed++;
                logger.LogInformation(
                    "Nightly: removed {Temporary} ({Why})", LogText.Escape(temporary), committed ? "a copy of the AW320 in the outbox" : "left by a file whose transaction rolled back");
            }
        }

        return new StaleAnswersTidied(published, removed, left);
    }
}

/// <summary>What <see cref="StaleAnswers.TidyAsync"/> did: temporary AW320s published, removed, and left for an operator.</summary>
public sealed record StaleAnswersTidied(int Published, int Removed, int LeftForOperator);
