namespace WlzMessaging.Vektis;

/// <summary>
/// Decides the answer to each detail record of a file that was not rejected as a whole. The AW320 responder asks it
/// record by record, in file order, after a first pass has shown the file's structure to be sound.
/// </summary>
public interface IRecordAnswers
{
    /// <summary>The codes for a 02; an empty set means 0200.</summary>
    RetourcodeSet AnswerVerzekerde(in VerzekerdeRecord record);

    /// <summary>
    /// The answer to a 04 line. Grant at most the declared amount: the reader keeps the declared amounts of an accepted
    /// file within the 11 positions of the 99's totals, and the toegekend total then fits as well.
    /// </summary>
    PrestatieAnswer AnswerPrestatie(in PrestatieRecord record);

    /// <summary>The codes for a 98 (empty: 0200); it shares the fate of the record it comments on.</summary>
    RetourcodeSet AnswerCommentaar(in CommentaarRecord record);
}
