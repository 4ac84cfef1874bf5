using WlzMessaging.Reference;
using WlzMessaging.Storage.Files;
using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// Where the answers to a file's records come from: the seam between the file pipeline (<see cref="FileProcessor"/>) and
/// the adjudicator. One instance serves a whole process; it begins one <see cref="IFileAnswerSession"/> per file.
/// </summary>
/// <remarks>
/// The engine's is <see cref="AdjudicatingAnswering"/>: its session puts the adjudicator's <c>FilePrepass</c> in
/// <see cref="IFileAnswerSession.FirstPassHandlers"/>, loads the provider's <c>DeclarationHistory</c> in bulk for the keys
/// the prepass found in <see cref="IFileAnswerSession.PrepareAsync"/> (one set of queries per file, inside the file's
/// transaction), and returns its <c>Adjudicator</c> as the <see cref="IRecordAnswers"/> of the second pass.
/// </remarks>
public interface IFileAnswering
{
    IFileAnswerSession Begin(FileAnswerContext context);

    /// <summary>
    /// True when the answers read the reference snapshot: the pipeline then makes sure it is built, beside the file's first
    /// pass (which must not need it), before the answers are prepared.
    /// </summary>
    bool UsesReference => false;
}

/// <summary>What is known of a file before its first pass.</summary>
/// <param name="Received">The day it arrived in the mailbox (never the clock): every date check uses it.</param>
public sealed record FileAnswerContext(string FileName, DateOnly Received);

/// <summary>The answers to one file, made in three steps: ride along the first pass, prepare, answer the second pass.</summary>
public interface IFileAnswerSession
{
    /// <summary>
    /// Handlers that see every record of the first pass beside the structural reader (e.g. the adjudicator's prepass, which
    /// collects the keys the history is asked about). Empty when the answers need nothing from the whole file.
    /// </summary>
    IReadOnlyList<IVektisRecordHandler> FirstPassHandlers { get; }

    /// <summary>
    /// Called once, after the first pass, for a file that is not rejected as a whole: loads in bulk what the answers need
    /// (the provider's history, through <see cref="AnswerInputs.Work"/> in the file's transaction) and returns the
    /// answers of the second pass. Never a query per line.
    /// </summary>
    ValueTask<IRecordAnswers> PrepareAsync(AnswerInputs inputs, CancellationToken cancellationToken);

    /// <summary>
    /// The tariff the answer applied to the line just answered (stored as <c>applied_tariff_cents</c>, the base of later
    /// tariff corrections). Called right after <see cref="IRecordAnswers.AnswerPrestatie"/> for the same record. By default
    /// 0481 / 0418 when that divides, else the declared 0425; the adjudicator returns the tariff it looked up.
    /// </summary>
    long AppliedTariffCents(in PrestatieRecord record, in PrestatieAnswer answer)
    {
        var aantal = record.Aantal;
        var berekend = Math.Abs(answer.BerekendBedragSigned);
        return aantal > 0 && berekend % aantal == 0 ? berekend / aantal : Math.Max(0, record.Tarief);
    }
}

/// <summary>What <see cref="IFileAnswerSession.PrepareAsync"/> gets: the first pass, the file's header, the reference data and the store.</summary>
/// <param name="Structure">The first pass: counts, totals, the 01 and 99 records.</param>
/// <param name="Header">The 01 as read: provider, invoice, production or test.</param>
/// <param name="Reference">
/// The reference snapshot in force, on demand (<see cref="ReferenceSnapshotCache"/>: built once, rebuilt only after an
/// import changed a table, never per line); an answer source that needs none, like the stand-in, never loads it.
/// </param>
/// <param name="Work">
/// The file's unit of work in the store: its transaction is open, holds the file's row and the provider's writer lock, and
/// reads the provider's history (<see cref="FileUnitOfWork.LoadHistoryAsync"/>).
/// </param>
public sealed record AnswerInputs(
    VektisReadResult Structure,
    VoorloopInfo Header,
    DateOnly Received,
    Func<CancellationToken, Task<ReferenceSnapshot>> Reference,
    FileUnitOfWork Work);
