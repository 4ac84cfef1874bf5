using System.Diagnostics;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using S = WlzMessaging.Vektis.Aw319Layout.Sluit;

namespace WlzMessaging.Vektis;

/// <summary>
/// The structural rules of a Vektis file, checked record by record as the reader goes: order and nesting, running
/// detail ids, the voorlooprecord's codes and dates, N fields holding digits, reserves holding spaces, 04 fields that
/// must repeat their 02, and at the end the counts and net total of the sluitrecord. Faults in 01 and 99, order and
/// numbering reject the file; faults inside a 02, 04 or 98 mark that record only.
/// </summary>
internal sealed class StructureChecker
{
    private readonly VektisReaderOptions _options;
    private readonly VektisReadResult _result;

    // The fields of the current 02 that each 04 under it must repeat (0403/0404/0405/0408/0409). They lie side by side
    // in two blocks, in the 02 and in the 04 alike (0203-0205 = 0403-0405 at 15-42; 0224-0225 at 182-205 = 0408-0409 at
    // 59-82), so a 04 that repeats its 02 is known by two comparisons; only one that does not is looked at field by field.
    private static readonly int s_identityLength = Z.Verzekerdennummer.End - Z.Bsn.Offset;
    private static readonly int s_indicatieLength = Z.ClientnummerIndicatieorgaan.End - Z.CodeIndicatieorgaan.Offset;
    private readonly byte[] _clientIdentity = new byte[s_identityLength];
    private readonly byte[] _clientIndicatie = new byte[s_indicatieLength];

    private RecordType _previous = RecordType.Unknown;
    private bool _seenVoorloop;
    private bool _seenSluit;
    private bool _hasClient;
    private bool _clientHasLines;
    private long _expectedDetailId = 1;
    private long _parentDetailId;
    private long _sluitRecordNumber;

    // A 04 of the wrong length has no readable amount: the net total is then unknown and not compared with the 99.
    private bool _netUnknown;

    // The sum of 0429 with the sign ignored. Past what 9907 can hold, no AW320 total of this file can be written
    // truthfully (a debit granted without its credit would not fit), so the file is rejected once with 0150.
    private long _grossDeclaratiebedrag;
    private bool _grossTooLarge;

    // After a 02 or 04 of the wrong length its id is unknown, so the 98s under it are not held to it.
    private const long UnknownParent = -1;

    public StructureChecker(VektisReaderOptions options, VektisReadResult result)
    {
        Debug.Assert(
            Z.UzoviNummer.Offset == Z.Bsn.Offset + Z.Bsn.Length && Z.Verzekerdennummer.Offset == Z.UzoviNummer.Offset + Z.UzoviNummer.Length &&
            P.Bsn.Offset == Z.Bsn.Offset && P.UzoviNummer.Offset == Z.UzoviNummer.Offset && P.Verzekerdennummer.Offset == Z.Verzekerdennummer.Offset &&
            Z.ClientnummerIndicatieorgaan.Offset == Z.CodeIndicatieorgaan.Offset + Z.CodeIndicatieorgaan.Length &&
            P.ClientnummerIndicatieorgaan.Offset == P.CodeIndicatieorgaan.Offset + P.CodeIndicatieorgaan.Length,
            "the client fields a 04 repeats must lie side by side as in its 02");
        _options = options;
        _result = result;
    }

    private int RecordLength => _result.Kind == MessageKind.Aw320 ? Aw320Layout.RecordLength : Aw319Layout.RecordLength;

    /// <summary>Checks one record of the right length; returns its record-level faults.</summary>
    public RetourcodeSet Check(ReadOnlySpan<byte> record, RecordType type, long recordNumber)
    {
        var faults = default(RetourcodeSet);
        if (!CheckOrder(type, recordNumber))
        {
            return faults;
        }

        switch (type)
        {
            case RecordType.Voorloop:
                CheckVoorloop(record, recordNumber);
                break;
            case RecordType.Verzekerde:
                _result.AantalVerzekerdenrecords++;
                CheckDetailId(record, Z.IdentificatieDetailrecord, recordNumber, isParent: true);
                CheckFields(record, type, recordNumber, ref faults);
                RememberClient(record);
                break;
            case RecordType.Prestatie:
                _result.AantalPrestatierecords++;
                CheckDetailId(record, P.IdentificatieDetailrecord, recordNumber, isParent: true);
                CheckFields(record, type, recordNumber, ref faults);
                CheckAgainstClient(record, ref faults);
                CheckPrestatieAmounts(record, recordNumber, ref faults);
                break;
            case RecordType.Commentaar:
                _result.AantalCommentaarrecords++;
                CheckDetailId(record, Aw319Layout.Commentaar.IdentificatieDetailrecord, recordNumber, isParent: false);
                CheckFields(record, type, recordNumber, ref faults);
                break;
            case RecordType.Sluit:
                if (!_seenSluit)
                {
                    _seenSluit = true;
                    _sluitRecordNumber = recordNumber;
                    _result.Sluit = record.ToArray();
                    CheckFields(record, type, recordNumber, ref faults);
                }

                break;
            case RecordType.Debiteur:
                _result.AantalDebiteurrecords++;
                break;
        }

        _previous = type;
        return faults;
    }

    /// <summary>Counts a record whose length is wrong (its fields cannot be read) so the order checks still see it.</summary>
    public void CountMalformed(RecordType type, long recordNumber)
    {
        if (!CheckOrder(type, recordNumber))
        {
            return;
        }

        switch (type)
        {
            case RecordType.Verzekerde: _result.AantalVerzekerdenrecords++; _expectedDetailId++; _parentDetailId = UnknownParent; break;
            case RecordType.Prestatie: _result.AantalPrestatierecords++; _expectedDetailId++; _parentDetailId = UnknownParent; _netUnknown = true; break;
            case RecordType.Commentaar: _result.AantalCommentaarrecords++; break;
            case RecordType.Debiteur: _result.AantalDebiteurrecords++; break;
            case RecordType.Sluit: _seenSluit = true; break;
        }

        _previous = type;
    }

    /// <summary>The checks that need the whole file: a sluitrecord present, and its counts and total right.</summary>
    public void Complete()
    {
        if (!_seenSluit)
        {
            Fault(Retourcodes.SluitrecordOntbreekt, 0, "the file has no sluitrecord (99)");
            return;
        }

        if (_hasClient && !_clientHasLines)
        {
            Fault(Retourcodes.VolgordeRecordtypenOnjuist, _sluitRecordNumber, "the last verzekerdenrecord has no prestatierecord");
        }

        if (_result.Sluit is not { } sluit)
        {
            return;
        }

        // An AW320 of a file rejected as a whole keeps the sender's counts but holds no detail records.
        if (_result.Kind == MessageKind.Aw320 && _result.Voorloop is { } voorloop &&
            RetourcodeSet.Parse(voorloop.AsSpan(Aw320Layout.Voorloop.Retourcode01.Offset, 12)).Contains(Retourcodes.BerichtAfgekeurd))
        {
            return;
        }

        // The order 01 · (02 …)+ · 99 asks for at least one client: a file of only a 01 and a 99 declares nothing.
        // (Detail records without a 02 above them were given 8026 where they stood.)
        if (_result.TotaalAantalDetailrecords == 0)
        {
            Fault(Retourcodes.VolgordeRecordtypenOnjuist, _sluitRecordNumber, "the file holds no verzekerdenrecord");
        }

        var n = _sluitRecordNumber;
        var view = new SluitRecord(new VektisRecord(sluit, RecordType.Sluit, n, default, true));
        CompareCount(view.AantalVerzekerdenrecords, _result.AantalVerzekerdenrecords, Retourcodes.AantalVerzekerdenrecordsOnjuist, "AANTAL VERZEKERDENRECORDS", n);
        CompareCount(view.AantalDebiteurrecords, _result.AantalDebiteurrecords, Retourcodes.AantalDebiteurrecordsOnjuist, "AANTAL DEBITEURRECORDS", n);
        CompareCount(view.AantalPrestatierecords, _result.AantalPrestatierecords, Retourcodes.AantalPrestatierecordsOnjuist, "AANTAL PRESTATIERECORDS", n);
        CompareCount(view.AantalCommentaarrecords, _result.AantalCommentaarrecords, Retourcodes.AantalCommentaarrecordsOnjuist, "AANTAL COMMENTAARRECORDS", n);
        CompareCount(view.TotaalAantalDetailrecords, _result.TotaalAantalDetailrecords, Retourcodes.TotaalAantalDetailrecordsOnjuist, "TOTAAL AANTAL DETAILRECORDS", n);

        // BER: at least one 02 and one 04, so 9906 is at least 2 even where it matches what the file holds.
        if (view.TotaalAantalDetailrecords is >= 0 and < 2 && view.TotaalAantalDetailrecords == _result.TotaalAantalDetailrecords)
        {
            Fault(Retourcodes.TotaalAantalDetailrecordsOnjuist, n, $"TOTAAL AANTAL DETAILRECORDS is {view.TotaalAantalDetailrecords}, at least 2 are required");
        }

        if (_netUnknown)
        {
            return;
        }

        var net = _result.NetDeclaratiebedrag;
        var total = view.TotaalDeclaratiebedrag;
        if (total >= 0 && total != Math.Abs(net))
        {
            Fault(Retourcodes.TotaalDeclaratiebedragOnjuist, n, $"TOTAAL DECLARATIEBEDRAG is {total} cents, the prestatierecords sum to {Math.Abs(net)}");
        }

        var indicator = view.IndicatieDebetCredit;
        if (indicator != DebetCredit.Of(net) && !(net == 0 && indicator == DebetCredit.Debet))
        {
            Fault(Retourcodes.IndicatieDebetCreditOnjuist, n, $"INDICATIE DEBET/CREDIT should be {(char)DebetCredit.Of(net)} for a net total of {net} cents");
        }
    }

    private void CompareCount(long declared, int counted, Retourcode code, string field, long recordNumber)
    {
        // A count that is not digits was already reported by the field check.
        if (declared >= 0 && declared != counted)
        {
            Fault(code, recordNumber, $"{field} is {declared}, the file holds {counted}");
        }
    }

    /// <summary>Checks where the record stands; false for a record after the 99, which is then not looked at further.</summary>
    private bool CheckOrder(RecordType type, long recordNumber)
    {
        if (_seenSluit && type != RecordType.Sluit)
        {
            // The 99 cannot have counted what comes after it: the record is out of place, and counting or checking it
            // would only add faults (counts, ids, total) that follow from this one.
            Fault(Retourcodes.VolgordeRecordtypenOnjuist, recordNumber, "record after the sluitrecord");
            _previous = type;
            return false;
        }

        switch (type)
        {
            case RecordType.Voorloop:
                if (_seenVoorloop)
                {
                    Fault(Retourcodes.VoorlooprecordMeerDanEens, recordNumber, "a second voorlooprecord");
                }

                break;
            case RecordType.Sluit:
                if (_seenSluit)
                {
                    Fault(Retourcodes.SluitrecordMeerDanEens, recordNumber, "a second sluitrecord");
                }

                break;
            case RecordType.Verzekerde:
                if (_hasClient && !_clientHasLines)
                {
                    Fault(Retourcodes.VolgordeRecordtypenOnjuist, recordNumber, "the verzekerdenrecord before this one has no prestatierecord");
                }

                _hasClient = true;
                _clientHasLines = false;
                break;
            case RecordType.Prestatie:
                if (!_hasClient)
                {
                    Fault(Retourcodes.VolgordeRecordtypenOnjuist, recordNumber, "prestatierecord without a verzekerdenrecord before it");
                }

                _clientHasLines = true;
                break;
            case RecordType.Commentaar:
                if (_previous is not (RecordType.Verzekerde or RecordType.Prestatie or RecordType.Commentaar))
                {
                    Fault(Retourcodes.VolgordeRecordtypenOnjuist, recordNumber, "commentaarrecord not after a verzekerden- or prestatierecord");
                }

                break;
            case RecordType.Debiteur:
                Fault(Retourcodes.DebiteurrecordNietToegestaan, recordNumber, "debiteurrecord (03) is not allowed towards a zorgkantoor");
                break;
            default:
                Fault(Retourcodes.KenmerkRecordOnjuist, recordNumber, "unknown KENMERK RECORD");
                Fault(Retourcodes.VolgordeRecordtypenOnjuist, recordNumber, "unknown record type");
                break;
        }

        return true;
    }

    private void CheckDetailId(ReadOnlySpan<byte> record, in FieldSpec field, long recordNumber, bool isParent)
    {
        if (!Numeric.TryParse(field.Slice(record), out var id))
        {
            Fault(Retourcodes.IdentificatieDetailrecordOnjuist, recordNumber, "IDENTIFICATIE DETAILRECORD is not a number");
            if (isParent)
            {
                _expectedDetailId++;
                _parentDetailId = UnknownParent;
            }

            return;
        }

        if (isParent)
        {
            if (id != _expectedDetailId)
            {
                Fault(Retourcodes.IdentificatieDetailrecordOnjuist, recordNumber, $"IDENTIFICATIE DETAILRECORD is {id}, expected {_expectedDetailId}");
            }

            // Carry on from the number found, so one gap is one fault, not one a record.
            _expectedDetailId = id + 1;
            _parentDetailId = id;
        }
        else if (id != _parentDetailId && _parentDetailId != UnknownParent)
        {
            Fault(Retourcodes.IdentificatieDetailrecordOnjuist, recordNumber, $"commentaarrecord repeats id {id}, its record has {_parentDetailId}");
        }
    }

    private void CheckVoorloop(ReadOnlySpan<byte> record, long recordNumber)
    {
        if (_seenVoorloop)
        {
            return;
        }

        _seenVoorloop = true;
        _result.Voorloop = record.ToArray();
        var faults = default(RetourcodeSet);
        CheckFields(record, RecordType.Voorloop, recordNumber, ref faults);

        var view = new VoorloopRecord(new VektisRecord(record, RecordType.Voorloop, recordNumber, default, true));
        var expectedCode = _result.Kind == MessageKind.Aw320 ? Aw320Layout.MessageCode : Aw319Layout.MessageCode;
        if (view.CodeBericht >= 0 && view.CodeBericht != expectedCode)
        {
            Fault(Retourcodes.CodeBerichtOnjuist, recordNumber, $"CODE EXTERNE-INTEGRATIEBERICHT is {view.CodeBericht}, expected {expectedCode}");
        }

        var versionWrong = view.Versienummer >= 0 && view.Versienummer != 1;
        var subversionWrong = view.Subversienummer >= 0 && view.Subversienummer != 4;
        if (versionWrong)
        {
            Fault(Retourcodes.VersienummerOnjuist, recordNumber, $"VERSIENUMMER is {view.Versienummer:D2}, expected 01");
        }

        if (subversionWrong)
        {
            Fault(Retourcodes.SubversieOnjuist, recordNumber, $"SUBVERSIENUMMER is {view.Subversienummer:D2}, expected 04");
        }

        if (versionWrong || subversionWrong)
        {
            Fault(Retourcodes.BerichtVersieSubversieOnjuist, recordNumber, "message, version and subversion do not make AW319 v1.4");
        }

        if (view.SoortBericht is not ((byte)'P' or (byte)'T'))
        {
            Fault(Retourcodes.SoortBerichtOnjuist, recordNumber, "SOORT BERICHT is not P or T");
        }

        if (view.BetalingAan >= 0 && view.BetalingAan is < 1 or > 4)
        {
            Fault(Retourcodes.BetalingAanOnjuist, recordNumber, $"IDENTIFICATIECODE BETALING AAN is {view.BetalingAan:D2}, expected 01-04");
        }

        if (!view.Valutacode.SequenceEqual("EUR"u8))
        {
            Fault(Retourcodes.ValutacodeOnjuist, recordNumber, "VALUTACODE is not EUR");
        }

        if (_options.ExpectedUzovi is { } uzovi && view.UzoviNummer >= 0 && view.UzoviNummer != uzovi)
        {
            Fault(Retourcodes.UzoviNummerOnjuist, recordNumber, $"UZOVI-NUMMER {view.UzoviNummer:D4} is not this zorgkantoor ({uzovi:D4})");
        }

        var begin = view.BegindatumDeclaratieperiode;
        var end = view.EinddatumDeclaratieperiode;
        if (begin is null)
        {
            Fault(Retourcodes.BegindatumDeclaratieperiodeOnjuist, recordNumber, "BEGINDATUM DECLARATIEPERIODE is not a valid date");
        }

        if (end is null)
        {
            Fault(Retourcodes.EinddatumDeclaratieperiodeOnjuist, recordNumber, "EINDDATUM DECLARATIEPERIODE is not a valid date");
        }
        else if (begin is { } b && end < b)
        {
            Fault(Retourcodes.EinddatumDeclaratieperiodeOnjuist, recordNumber, "EINDDATUM DECLARATIEPERIODE lies before its begindatum");
        }

        var dagtekening = view.DagtekeningFactuur;
        if (dagtekening is null)
        {
            Fault(Retourcodes.DagtekeningFactuurOnjuist, recordNumber, "DAGTEKENING FACTUUR is not a valid date");
        }
        else if (_options.ReceivedDate is { } received && dagtekening > received)
        {
            Fault(Retourcodes.DagtekeningFactuurOnjuist, recordNumber, $"DAGTEKENING FACTUUR {dagtekening:yyyy-MM-dd} lies after the date received {received:yyyy-MM-dd}");
        }
    }

    /// <summary>N fields must hold digits and reserves spaces. In 01 and 99 a fault rejects the file; elsewhere the record.</summary>
    private void CheckFields(ReadOnlySpan<byte> record, RecordType type, long recordNumber, ref RetourcodeSet faults)
    {
        var layout = RecordLayout.For(_result.Kind, type);
        if (layout.IsWellFormed(record))
        {
            return;
        }

        // Something is wrong: find which fields, with the code each one gets.
        var fileLevel = type is RecordType.Voorloop or RecordType.Sluit;
        foreach (var field in layout.NumericFields)
        {
            if (!Numeric.IsDigits(field.Slice(record)))
            {
                // Answer fields of an AW320 have no code of their own: the record does not follow its layout.
                var code = field.FaultCode.IsSet ? field.FaultCode : Retourcodes.KenmerkRecordOnjuist;
                if (fileLevel)
                {
                    Fault(code, recordNumber, $"{field.Code} {field.Name} is not numeric");
                }
                else
                {
                    faults.Add(code);
                }
            }
        }

        foreach (var reserve in layout.Reserves)
        {
            if (reserve.Slice(record).ContainsAnyExcept((byte)' '))
            {
                if (fileLevel)
                {
                    Fault(Retourcodes.ReserveOnjuist, recordNumber, $"{reserve.Code} RESERVE is not spaces");
                }
                else
                {
                    faults.Add(Retourcodes.ReserveOnjuist);
                }
            }
        }
    }

    private void RememberClient(ReadOnlySpan<byte> record)
    {
        record.Slice(Z.Bsn.Offset, s_identityLength).CopyTo(_clientIdentity);
        record.Slice(Z.CodeIndicatieorgaan.Offset, s_indicatieLength).CopyTo(_clientIndicatie);
    }

    private void CheckAgainstClient(ReadOnlySpan<byte> record, ref RetourcodeSet faults)
    {
        if (!_hasClient)
        {
            return;
        }

        var identity = record.Slice(P.Bsn.Offset, s_identityLength);
        var indicatie = record.Slice(P.CodeIndicatieorgaan.Offset, s_indicatieLength);
        if (identity.SequenceEqual(_clientIdentity) && indicatie.SequenceEqual(_clientIndicatie))
        {
            return;
        }

        if (!P.Bsn.Slice(record).SequenceEqual(ClientField(Z.Bsn)) || !P.Verzekerdennummer.Slice(record).SequenceEqual(ClientField(Z.Verzekerdennummer)))
        {
            faults.Add(Retourcodes.BsnOnjuist);
        }

        if (!P.UzoviNummer.Slice(record).SequenceEqual(ClientField(Z.UzoviNummer)))
        {
            faults.Add(Retourcodes.UzoviNummerOnjuist);
        }

        if (!P.CodeIndicatieorgaan.Slice(record).SequenceEqual(ClientField(Z.CodeIndicatieorgaan)))
        {
            faults.Add(Retourcodes.CodeIndicatieorgaanWijktAf);
        }

        if (!P.ClientnummerIndicatieorgaan.Slice(record).SequenceEqual(ClientField(Z.ClientnummerIndicatieorgaan)))
        {
            faults.Add(Retourcodes.ClientnummerIndicatieorgaanWijktAf);
        }
    }

    /// <summary>A field of the current 02 (one of those a 04 repeats), from the blocks kept of it.</summary>
    private ReadOnlySpan<byte> ClientField(in FieldSpec field) => field.Offset >= Z.CodeIndicatieorgaan.Offset
        ? _clientIndicatie.AsSpan(field.Offset - Z.CodeIndicatieorgaan.Offset, field.Length)
        : _clientIdentity.AsSpan(field.Offset - Z.Bsn.Offset, field.Length);

    private void CheckPrestatieAmounts(ReadOnlySpan<byte> record, long recordNumber, ref RetourcodeSet faults)
    {
        // BER: 0407 DOORSTUREN TOEGESTAAN is 1 whenever 0404 holds a UZOVI number, which it always does (COD954-VEKT 8179).
        // One byte: a digit other than 1 here; a non-digit was already given 8179 by the field check (the set keeps it once).
        if (record[P.DoorsturenToegestaan.Offset] != (byte)'1')
        {
            faults.Add(Retourcodes.DoorsturenToegestaanOnjuist);
        }

        var dc1 = P.IndicatieDebetCredit01.Slice(record)[0];
        var dc2 = P.IndicatieDebetCredit02.Slice(record)[0];
        if (!DebetCredit.IsValid(dc1) || !DebetCredit.IsValid(dc2))
        {
            faults.Add(Retourcodes.IndicatieDebetCreditOnjuist);
        }

        // A 0429 without a sign cannot be netted: the line's own 0631 answers it, and the 99's total is not compared, so
        // the fault of one line does not become a fault of the file (as for a 04 of the wrong length).
        if (!DebetCredit.IsValid(dc2))
        {
            _netUnknown = true;
        }

        if (Numeric.TryParse(P.Declaratiebedrag.Slice(record), out var amount))
        {
            _result.NetDeclaratiebedrag += DebetCredit.Signed(amount, dc2);
            _grossDeclaratiebedrag += amount;
            if (_grossDeclaratiebedrag > Aw320Writer.MaxTotalAmount && !_grossTooLarge)
            {
                _grossTooLarge = true;
                Fault(Retourcodes.TotaalDeclaratiebedragOnjuist, recordNumber, "the prestatierecords add up to more than the 11 positions of TOTAAL DECLARATIEBEDRAG hold");
            }
        }
    }

    private void Fault(Retourcode code, long recordNumber, string message) =>
        _result.AddFileFault(code, recordNumber, message, _options.MaxFileFaults);

    internal int ExpectedLength => RecordLength;
}
