namespace WlzMessaging.Vektis;

/// <summary>
/// The answers the codec can give on its own: a record with structural faults gets them (and the records under it 8002);
/// every other line is granted as declared (8001). Adjudication replaces this with the zorgkantoor's real checks.
/// </summary>
public sealed class StructuralAnswers : IRecordAnswers
{
    private bool _clientRejected;
    private bool _parentRejected;

    public RetourcodeSet AnswerVerzekerde(in VerzekerdeRecord record)
    {
        var faults = record.Record.Faults;
        _clientRejected = !faults.IsEmpty;
        _parentRejected = _clientRejected;
        return faults;
    }

    public PrestatieAnswer AnswerPrestatie(in PrestatieRecord record)
    {
        var faults = record.Record.Faults;
        if (_clientRejected)
        {
            faults = new RetourcodeSet(Retourcodes.NietBeoordeeld);
        }

        _parentRejected = !faults.IsEmpty;
        var declared = Math.Max(0, record.Declaratiebedrag);
        var sign = record.IndicatieDebetCredit02;
        var berekend = BerekendBedrag.Of(record.Aantal, record.Tarief, declared, sign);
        if (!faults.IsEmpty)
        {
            return new PrestatieAnswer(berekend, 0, faults);
        }

        return new PrestatieAnswer(berekend, DebetCredit.Signed(declared, sign), new RetourcodeSet(Retourcodes.VolledigToegewezen));
    }

    public RetourcodeSet AnswerCommentaar(in CommentaarRecord record) =>
        _parentRejected ? new RetourcodeSet(Retourcodes.NietBeoordeeld) : record.Record.Faults;
}
