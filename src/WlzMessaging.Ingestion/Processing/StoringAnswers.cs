using System.Diagnostics;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Storage.Lines;
using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// The answers of the second pass, passed through unchanged, with every 04's outcome streamed into the file's binary COPY
/// as the AW320 is written: one pass over the file makes both, and a line is stored exactly as it was answered. Nothing is
/// allocated per line: the row's buffers are reused and the record is read straight from the reader's buffer. The outcomes
/// are also counted (<see cref="LineTally"/>) for the metrics, which the worker records once per file.
/// </summary>
internal sealed class StoringAnswers(
    IRecordAnswers inner,
    IFileAnswerSession session,
    DeclarationLineStream writer,
    DeclarationLineRow row,
    LineTally tally) : IRecordAnswers
{
    /// <summary>Time spent handing rows to COPY (encoding them and, when its buffer is full, sending), in stopwatch ticks.</summary>
    public long CopyTicks { get; private set; }

    public RetourcodeSet AnswerVerzekerde(in VerzekerdeRecord record) => inner.AnswerVerzekerde(record);

    public RetourcodeSet AnswerCommentaar(in CommentaarRecord record) => inner.AnswerCommentaar(record);

    public PrestatieAnswer AnswerPrestatie(in PrestatieRecord record)
    {
        var answer = inner.AnswerPrestatie(record);
        tally.Add(answer.Retourcodes);
        Fill(row, record, answer, session.AppliedTariffCents(record, answer));
        var start = Stopwatch.GetTimestamp();
        writer.Write(row);
        CopyTicks += Stopwatch.GetTimestamp() - start;
        return answer;
    }

    /// <summary>
    /// The stored line from the record and its answer. A field that is not a number (the line then carries the reader's
    /// code for it and is rejected) is stored as -1 (BSN, volume, tariff) or 0 (amounts, which keep their sign rule); a
    /// D/C indicator other than C is stored as D.
    /// </summary>
    internal static void Fill(DeclarationLineRow row, in PrestatieRecord record, in PrestatieAnswer answer, long appliedTariff)
    {
        var credit = record.IndicatieDebetCredit02 == DebetCredit.Credit;
        row.RecordId = record.IdentificatieDetailrecord;
        row.Bsn = record.Bsn;
        row.SetPrestatiecode(record.Prestatiecode);
        row.BeginDate = record.BegindatumPrestatie;
        row.EndDate = record.EinddatumPrestatie;
        row.Volume = record.Aantal;
        row.TariffCents = record.Tarief;
        row.AppliedTariffCents = appliedTariff;
        var declared = Math.Max(0, record.Declaratiebedrag);
        row.DeclaredCents = credit ? -declared : declared;
        row.ApprovedCents = answer.ToegekendBedragSigned;
        row.DebitCredit = credit ? 'C' : 'D';
        row.SetReferentienummer(record.Referentienummer);
        row.SetVoorgaandReferentienummer(record.ReferentienummerVoorgaand);
        var codes = answer.Retourcodes;
        row.Retourcode1 = (short)codes[0].Value;
        row.Retourcode2 = (short)codes[1].Value;
        row.Retourcode3 = (short)codes[2].Value;
    }
}
