using WlzMessaging.Reference;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The adjudicator's part of the first pass over a file: it rides along with the structural read and collects, per 04
/// line, the few keys that need the whole file or the history before any line can be judged. Numbers and fixed-size
/// structs only, no string per line.
/// </summary>
/// <remarks>
/// What it finds: references that repeat an earlier line's 0431 (8192), credit lines that cancel a debit line of the same
/// file (8062), and what storage must ask the history about (the file's 0431s, the 0432s of its credit lines and the
/// client-prestatie pairs of its debit lines). Feed it every record of the file through <see cref="VektisReader"/>, then
/// call <see cref="Complete"/> once.
/// </remarks>
public sealed class FilePrepass : IVektisRecordHandler
{
    // The first line that carried each 0431; a later line with the same reference is a repeat (8192).
    private readonly Dictionary<Referentienummer, FirstOccurrence> _firstByReferentie = [];
    private readonly HashSet<Referentienummer> _voorgaand = [];
    private readonly HashSet<ClientPrestatie> _debitClientPrestaties = [];
    private readonly List<CreditReference> _credits = [];
    private readonly List<PrepassFlags> _lines = [];

    private int _instellingscode = -1;
    private bool _isTest;
    private DateOnly? _einddatumDeclaratieperiode;
    private string _factuurnummer = "";
    private int _debitLines;
    private int _creditLines;
    private int _repeated;
    private DateOnly? _debitBegin;
    private DateOnly? _debitEnd;
    private FilePrepassResult? _result;

    public void OnRecord(in VektisRecord record)
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The prepass is complete; start a new one for another file.");
        }

        switch (record.Type)
        {
            case RecordType.Voorloop when record.HasValidLength && _instellingscode < 0:
                OnVoorloop(record.AsVoorloop());
                break;
            case RecordType.Prestatie:
                OnPrestatie(record.AsPrestatie());
                break;
        }
    }

    /// <summary>Pairs the credits with the debits they cancel and hands over what the file holds. Call once, after reading.</summary>
    public FilePrepassResult Complete()
    {
        if (_result is not null)
        {
            return _result;
        }

        var flags = _lines.ToArray();
        var cancelling = 0;
        var paired = new HashSet<int>();
        foreach (var credit in _credits)
        {
            // A credit cancels a debit line of this file that carries its 0432 as 0431 (the first line with that
            // reference) and the same amount; one credit per debit, the first in file order.
            if (_firstByReferentie.TryGetValue(credit.Voorgaand, out var debit)
                && debit.IsDebit
                && debit.Amount >= 0
                && debit.Amount == credit.Amount
                && paired.Add(debit.Line))
            {
                flags[debit.Line] |= PrepassFlags.CancelsInFile;
                flags[credit.Line] |= PrepassFlags.CancelsInFile;
                cancelling += 2;
            }
        }

        _result = new FilePrepassResult(
            new FileHeader(_instellingscode, _isTest, _einddatumDeclaratieperiode, _factuurnummer),
            flags,
            _firstByReferentie.Keys,
            _voorgaand,
            _debitClientPrestaties,
            _debitBegin,
            _debitEnd,
            _debitLines,
            _creditLines,
            _repeated,
            cancelling);
        return _result;
    }

    private void OnVoorloop(in VoorloopRecord voorloop)
    {
        _instellingscode = voorloop.Instellingscode;
        _isTest = voorloop.IsTest;
        _einddatumDeclaratieperiode = voorloop.EinddatumDeclaratieperiode;
        _factuurnummer = System.Text.Encoding.Latin1.GetString(voorloop.Factuurnummer.TrimEnd((byte)' '));
    }

    private void OnPrestatie(in PrestatieRecord line)
    {
        var index = _lines.Count;
        if (!line.Record.HasValidLength)
        {
            // Counted, so that line numbers stay in step with the second pass; a record of the wrong length rejects the
            // whole file anyway.
            _lines.Add(PrepassFlags.None);
            return;
        }

        var flags = PrepassFlags.None;
        var referentie = Referentienummer.FromField(line.Referentienummer);
        var isCredit = line.IsCredit;
        var amount = line.Declaratiebedrag;
        if (!_firstByReferentie.TryAdd(referentie, new FirstOccurrence(index, amount, !isCredit)))
        {
            flags |= PrepassFlags.RepeatedReferentienummer;
            _repeated++;
        }

        if (isCredit)
        {
            _creditLines++;
            var voorgaand = Referentienummer.FromField(line.ReferentienummerVoorgaand);
            if (!voorgaand.IsEmpty)
            {
                _voorgaand.Add(voorgaand);
                _credits.Add(new CreditReference(index, voorgaand, amount));
            }
        }
        else
        {
            _debitLines++;
            var bsn = line.Bsn;
            if (bsn >= 0)
            {
                _debitClientPrestaties.Add(new ClientPrestatie(bsn, PrestatieCode.FromAscii(line.Prestatiecode)));
            }

            if (line.BegindatumPrestatie is { } begin && line.EinddatumPrestatie is { } end && begin <= end)
            {
                _debitBegin = _debitBegin is { } b && b <= begin ? b : begin;
                _debitEnd = _debitEnd is { } e && e >= end ? e : end;
            }
        }

        _lines.Add(flags);
    }

    private readonly record struct FirstOccurrence(int Line, long Amount, bool IsDebit);

    private readonly record struct CreditReference(int Line, Referentienummer Voorgaand, long Amount);
}
