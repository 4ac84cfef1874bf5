using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using WlzMessaging.Reference;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The zorgkantoor's judgement of an AW319, record by record in file order (the second pass of
/// <see cref="Aw320Responder"/>): the client rules C01-C03 on each 02, the line rules L01-L19 (with L01a-L01c, L05a and L12a) of specs/rules.md on each
/// 04, and the fate of each 98. Pure: the reference snapshot, the provider's history and the prepass go in, answers and
/// <see cref="LineOutcome"/>s come out; no clock, no I/O, and no allocation per line.
/// </summary>
/// <remarks>
/// One instance judges one file, once. What the file itself changes is tracked in order: a debit approved earlier in the
/// file counts for later credits (8017, 8084) and later debits (8216) as history does, and a credit approved earlier marks
/// its debit credited for the lines after it.
/// </remarks>
public sealed class Adjudicator : IRecordAnswers
{
    /// <summary>0203 = 999999999 stands for "no BSN" and passes C01.</summary>
    public const int GeenBsn = 999_999_999;

    private static readonly PrestatieCode s_meerzorg = PrestatieCode.Parse("ZMZ01");

    private readonly ReferenceSnapshot _reference;
    private readonly DeclarationHistory _history;
    private readonly FilePrepassResult _prepass;
    private readonly AdjudicationSettings _settings;
    private readonly DebitLedger _historyDebits;
    private readonly bool[] _historyCredited;
    private readonly FileDebits _fileDebits;
    private readonly DateOnly _received;
    private readonly int _agb;

    private bool _clientRejected;
    private bool _parentRejected;
    private int _line = -1;
    private int _approved;
    private int _cutoffYear;
    private bool _cutoffYearClosed;
    private int _nextCredit;
    private LineOutcome _last;

    public Adjudicator(
        ReferenceSnapshot reference,
        DeclarationHistory history,
        FilePrepassResult prepass,
        AdjudicationSettings settings,
        AdjudicationContext context)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(prepass);
        ArgumentNullException.ThrowIfNull(settings);
        if (context.Instellingscode != prepass.Header.Instellingscode)
        {
            throw new ArgumentException("The context names another provider than the file's voorlooprecord.", nameof(context));
        }

        _reference = reference;
        _history = history;
        _prepass = prepass;
        _settings = settings;
        _received = context.Received;
        _agb = context.Instellingscode;
        Context = context;

        // The history is only read; what this file changes goes to a copy of its credited flags and to the file's own
        // debits, sized once for every line so that approving lines never regrows anything.
        _historyDebits = history.Debits;
        _historyCredited = _historyDebits.CopyCredited();
        _fileDebits = new FileDebits(prepass.Lines, prepass.DebitPeriodBegin, prepass.DebitPeriodEnd);
        _cutoffYear = 0;
    }

    public AdjudicationContext Context { get; }

    /// <summary>04 records judged so far.</summary>
    public int Lines => _line + 1;

    /// <summary>04 records approved so far.</summary>
    public int ApprovedLines => _approved;

    /// <summary>
    /// The outcome of the 04 answered last, for storage to write while the record is still in hand (valid until the next
    /// call of <see cref="AnswerPrestatie"/>).
    /// </summary>
    public ref readonly LineOutcome LastLine => ref _last;

    public RetourcodeSet AnswerVerzekerde(in VerzekerdeRecord record)
    {
        var codes = record.Record.Faults;
        if (record.Record.HasValidLength)
        {
            var bsn = record.Bsn;

            // The client's 04 lines follow: their MAZ look-up is the one cache miss of a line, started here.
            _reference.PrefetchMaz(bsn, _agb);
            if (bsn != GeenBsn && !Elfproef.IsValidBsn(bsn))
            {
                codes.Add(RuleCatalogue.C01.Retourcode);
            }

            if (record.DatumGeboorte is not { } geboorte || geboorte > _received)
            {
                codes.Add(RuleCatalogue.C02.Retourcode);
            }

            if (record.CodeGeslacht is not (1 or 2))
            {
                codes.Add(RuleCatalogue.C03.Retourcode);
            }
        }

        _clientRejected = !codes.IsEmpty;
        _parentRejected = _clientRejected;
        return codes;
    }

    public PrestatieAnswer AnswerPrestatie(in PrestatieRecord record)
    {
        var line = ++_line;
        if (line >= _prepass.Lines)
        {
            ThrowNotThePrepassedFile();
        }

        var answer = record.Record.HasValidLength ? Judge(record, line) : Unreadable(record, line);
        _parentRejected = !answer.IsApproved;
        return answer;
    }

    public RetourcodeSet AnswerCommentaar(in CommentaarRecord record) =>
        _parentRejected ? new RetourcodeSet(Retourcodes.NietBeoordeeld) : record.Record.Faults;

    private PrestatieAnswer Judge(in PrestatieRecord record, int line)
    {
        var aantal = record.Aantal;
        var tarief = record.Tarief;
        var declared = record.Declaratiebedrag;
        var sign = record.IndicatieDebetCredit02;
        var isCredit = sign == DebetCredit.Credit;
        var begin = record.BegindatumPrestatie;
        var end = record.EinddatumPrestatie;
        var code = PrestatieCode.FromAscii(record.Prestatiecode);
        var bsn = record.Bsn;
        var referentie = Referentienummer.FromField(record.Referentienummer);
        var voorgaand = Referentienummer.FromField(record.ReferentienummerVoorgaand);
        var jaar = begin?.Year ?? 0;

        if (_clientRejected)
        {
            _last = new LineOutcome
            {
                Line = line,
                RecordNumber = record.Record.RecordNumber,
                NotJudged = true,
                Retourcodes = new RetourcodeSet(Retourcodes.NietBeoordeeld),
                IsCredit = isCredit,
                DeclaratiebedragSigned = DebetCredit.Signed(Math.Max(0, declared), sign),
                BerekendBedragSigned = BerekendBedrag.Of(aantal, tarief, Math.Max(0, declared), sign),
                AppliedTariefCent = Math.Max(0, tarief),
                Jaar = jaar,
                Bsn = bsn,
                Prestatiecode = code,
                Begindatum = begin,
                Einddatum = end,
                Referentienummer = referentie,
                ReferentienummerVoorgaand = voorgaand,
                CreditedDebitLine = -1,
            };
            return new PrestatieAnswer(_last.BerekendBedragSigned, 0, _last.Retourcodes);
        }

        // The reader's own findings on the record come first, then the rules in catalogue order.
        var codes = record.Record.Faults;
        var fired = LineRules.None;
        var flags = _prepass.FlagsOf(line);

        // L01: the period must be real and lie in the past. Rules that need the period stay silent when it is not.
        var datesValid = begin is { } b0 && end is { } e0 && b0 <= e0 && e0 <= _received;
        if (!datesValid)
        {
            Fire(ref codes, ref fired, LineRules.L01, RuleCatalogue.L01);
        }

        // L01a-L01c: no care may be invoiced before it was given. A line of one day has one prestatiedatum (8176); for a
        // period the begin date (8177) and the end date (8178) are judged each on its own. A date that cannot be read is
        // L01's alone.
        if (_prepass.Header.DagtekeningFactuur is { } factuurdatum)
        {
            if (begin is { } bf && end is { } ef && bf == ef)
            {
                if (bf > factuurdatum)
                {
                    Fire(ref codes, ref fired, LineRules.L01a, RuleCatalogue.L01a);
                }
            }
            else
            {
                if (begin > factuurdatum)
                {
                    Fire(ref codes, ref fired, LineRules.L01b, RuleCatalogue.L01b);
                }

                if (end > factuurdatum)
                {
                    Fire(ref codes, ref fired, LineRules.L01c, RuleCatalogue.L01c);
                }
            }
        }

        var b = begin.GetValueOrDefault();
        var e = end.GetValueOrDefault();

        // L02
        if (record.AanduidingPrestatiecodelijst != ReferenceSnapshot.WlzPrestatiecodelijst)
        {
            Fire(ref codes, ref fired, LineRules.L02, RuleCatalogue.L02);
        }

        // L03: looked up in the Wlz list whatever 0416 says; without a period only the code's existence can be judged.
        KoppeltabelEntry? koppeling = null;
        var unknownCode = datesValid
            ? !_reference.TryGetKoppeling(code, b, e, out koppeling)
            : _reference.GetKoppelingen(ReferenceSnapshot.WlzPrestatiecodelijst, code).IsEmpty;
        if (unknownCode)
        {
            Fire(ref codes, ref fired, LineRules.L03, RuleCatalogue.L03);
        }

        // L04
        if (koppeling is not null && !koppeling.Allows(record.Functiecode, record.Zorgzwaartepakketcode))
        {
            Fire(ref codes, ref fired, LineRules.L04, RuleCatalogue.L04);
        }

        // L05: a field that is not digits reads as -1 and fails the comparison as well.
        var berekend = record.BerekendBedrag;
        if (aantal < 0 || tarief < 0 || berekend != aantal * tarief || declared != berekend)
        {
            Fire(ref codes, ref fired, LineRules.L05, RuleCatalogue.L05);
        }

        // L05a: 0427 and 0430 each D or C (the reader gave 0631 to any other byte), but not the same: the sign is wrong,
        // which is what COD954-VEKT's 0631 says, not an amount fault.
        var sign01 = record.IndicatieDebetCredit01;
        if (sign01 != sign && DebetCredit.IsValid(sign01) && DebetCredit.IsValid(sign))
        {
            Fire(ref codes, ref fired, LineRules.L05a, RuleCatalogue.L05a);
        }

        // L06, L07
        if ((flags & PrepassFlags.RepeatedReferentienummer) != 0)
        {
            Fire(ref codes, ref fired, LineRules.L06, RuleCatalogue.L06);
        }

        if (_history.WasReceived(referentie))
        {
            Fire(ref codes, ref fired, LineRules.L07, RuleCatalogue.L07);
        }

        // L08-L10 on credit lines. A credit that cancels a debit of this file is answered by L11 alone: the debit it names
        // is judged 8062 with it, so "no approved debit" would only repeat that.
        // The debit is looked for in the history first, then among this file's approved debits: a file's debit whose 0431
        // the history already holds is never added (see Approve below), so the two never both hold one reference.
        var cancels = (flags & PrepassFlags.CancelsInFile) != 0;
        var historyDebit = -1;
        var fileDebit = -1;
        if (isCredit)
        {
            if (voorgaand.IsEmpty)
            {
                Fire(ref codes, ref fired, LineRules.L08, RuleCatalogue.L08);
            }
            else if (!cancels)
            {
                bool credited;
                if (_historyDebits.Count > 0 && _historyDebits.TryFind(voorgaand, out historyDebit))
                {
                    credited = _historyCredited[historyDebit];
                }
                else
                {
                    historyDebit = -1;
                    fileDebit = CreditTarget(line);
                    if (fileDebit >= 0 && !_fileDebits.IsApproved(fileDebit))
                    {
                        fileDebit = -1;
                    }

                    credited = fileDebit >= 0 && _fileDebits.IsCredited(fileDebit);
                }

                if (historyDebit < 0 && fileDebit < 0)
                {
                    Fire(ref codes, ref fired, LineRules.L09, RuleCatalogue.L09);
                }
                else if (credited)
                {
                    Fire(ref codes, ref fired, LineRules.L10, RuleCatalogue.L10);
                }
            }
        }

        // L11
        if (cancels)
        {
            Fire(ref codes, ref fired, LineRules.L11, RuleCatalogue.L11);
        }

        // L12, L12a: the same line approved in an earlier file (same period and amount, another 0431) is 8067; any other
        // overlap with an approved, uncredited debit, of the history or earlier in this file, is 8216. The file's own
        // debits keep no amount (FileDebits stays small), so within one file an overlap is always 8216 (decision).
        if (!isCredit && datesValid)
        {
            var earlier = _historyDebits.FindUncredited(new ClientPrestatie(bsn, code), b, e, declared, _historyCredited);
            if (earlier == EarlierDebit.Identical)
            {
                Fire(ref codes, ref fired, LineRules.L12, RuleCatalogue.L12);
            }
            else if (earlier == EarlierDebit.Overlapping || _fileDebits.HasUncreditedOverlap(_prepass.PreviousDebitOf(line), _prepass, b, e))
            {
                Fire(ref codes, ref fired, LineRules.L12a, RuleCatalogue.L12a);
            }
        }

        // L13: needs only 0414.
        if (begin.HasValue && IsClosed(jaar))
        {
            Fire(ref codes, ref fired, LineRules.L13, RuleCatalogue.L13);
        }

        // L14-L19 judge what a credit reverses, so they run on debit lines only; the tariff for 0481 is found for both.
        long applied = tarief;
        var source = TariefSource.Declared;
        if (datesValid)
        {
            if (!isCredit)
            {
                var maz = _reference.CheckMaz(bsn, _agb, b, e);
                if (maz == MazCoverage.None)
                {
                    Fire(ref codes, ref fired, LineRules.L14, RuleCatalogue.L14);
                }
                else if (maz == MazCoverage.Partial)
                {
                    Fire(ref codes, ref fired, LineRules.L15, RuleCatalogue.L15);
                }
            }

            var status = _reference.FindTarief(_agb, jaar, code, _received, out var contract);
            if (!isCredit && status == TariefStatus.NotAgreed)
            {
                Fire(ref codes, ref fired, LineRules.L16, RuleCatalogue.L16);
            }

            if (code == s_meerzorg)
            {
                if (_reference.TryGetMeerzorg(bsn, _agb, b, e, out var beschikking))
                {
                    applied = beschikking.TariefCent;
                    source = TariefSource.Meerzorg;
                    if (!isCredit && tarief != beschikking.TariefCent)
                    {
                        Fire(ref codes, ref fired, LineRules.L18, RuleCatalogue.L18);
                    }
                }
                else if (!isCredit)
                {
                    Fire(ref codes, ref fired, LineRules.L17, RuleCatalogue.L17);
                }
            }
            else
            {
                if (status == TariefStatus.InForce)
                {
                    applied = contract.TariefCent;
                    source = TariefSource.Contract;
                }

                // Agreed, but no tariff in force yet on the received date: nothing the declared tariff can agree with.
                if (!isCredit && (status == TariefStatus.NotYetInForce || (status == TariefStatus.InForce && tarief != contract.TariefCent)))
                {
                    Fire(ref codes, ref fired, LineRules.L19, RuleCatalogue.L19);
                }
            }
        }

        // L20, L21: coverage per toewijzing, on debit lines with a period, when toewijzingen were imported.
        if (datesValid && !isCredit && _reference.HasToewijzingen)
        {
            var toewijzingen = _reference.GetToewijzingen(bsn);
            var groep = koppeling?.Row.Prestatiegroep;
            if (ToewijzingRules.IsVerblijfPrestatiegroep(groep) && ToewijzingRules.GeenMachtiging(toewijzingen, _agb, b, e))
            {
                Fire(ref codes, ref fired, LineRules.L20, RuleCatalogue.L20);
            }
            else if (record.Zorgzwaartepakketcode > 0
                && ToewijzingRules.BuitenGemachtigdePeriode(toewijzingen, _agb, record.Zorgzwaartepakketcode, code, groep, b, e))
            {
                Fire(ref codes, ref fired, LineRules.L21, RuleCatalogue.L21);
            }
        }

        var approved = codes.IsEmpty;
        var creditedDebit = default(Referentienummer);
        var creditedDebitLine = -1;
        if (approved)
        {
            codes = new RetourcodeSet(Retourcodes.VolledigToegewezen);
            _approved++;
            if (isCredit)
            {
                // Approved means L08-L11 were silent, so the debit was found and is not yet credited.
                if (historyDebit >= 0)
                {
                    _historyCredited[historyDebit] = true;
                }
                else
                {
                    _fileDebits.MarkCredited(fileDebit);
                    creditedDebitLine = fileDebit;
                }

                creditedDebit = voorgaand;
            }
            else if (_historyDebits.Count == 0 || !_historyDebits.TryFind(referentie, out _))
            {
                // A reference the history holds as an approved debit keeps that entry (storage loaded the same line).
                _fileDebits.Approve(line, b, e);
            }
        }

        var positive = Math.Max(0, declared);
        _last = new LineOutcome
        {
            Line = line,
            RecordNumber = record.Record.RecordNumber,
            Approved = approved,
            Retourcodes = codes,
            Fired = fired,
            IsCredit = isCredit,
            DeclaratiebedragSigned = DebetCredit.Signed(positive, sign),
            BerekendBedragSigned = BerekendBedrag.Of(aantal, applied, positive, sign),
            ToegekendBedragSigned = approved ? DebetCredit.Signed(declared, sign) : 0,
            AppliedTariefCent = Math.Max(0, applied),
            TariefSource = source,
            Jaar = jaar,
            Bsn = bsn,
            Prestatiecode = code,
            Begindatum = begin,
            Einddatum = end,
            Referentienummer = referentie,
            ReferentienummerVoorgaand = voorgaand,
            CreditedDebit = creditedDebit,
            CreditedDebitLine = creditedDebitLine,
        };
        return new PrestatieAnswer(_last.BerekendBedragSigned, _last.ToegekendBedragSigned, codes);
    }

    /// <summary>A 04 of the wrong length: its fields cannot be read. The reader rejects such a file as a whole.</summary>
    private PrestatieAnswer Unreadable(in PrestatieRecord record, int line)
    {
        var codes = record.Record.Faults.IsEmpty ? new RetourcodeSet(Retourcodes.LengteRecordOnjuist) : record.Record.Faults;
        _last = new LineOutcome
        {
            Line = line,
            RecordNumber = record.Record.RecordNumber,
            Retourcodes = codes,
            Bsn = -1,
            CreditedDebitLine = -1,
        };
        return new PrestatieAnswer(0, 0, codes);
    }

    /// <summary>
    /// The line of this file that first carried credit line <paramref name="line"/>'s 0432 as its 0431; -1 when none did.
    /// Lines are judged in order, so a cursor over the prepass's credit lines finds it without a search.
    /// </summary>
    private int CreditTarget(int line)
    {
        var lines = _prepass.CreditLineNumbers;
        var next = _nextCredit;
        while (next < lines.Length && lines[next] < line)
        {
            next++;
        }

        _nextCredit = next;
        return next < lines.Length && lines[next] == line ? _prepass.CreditTargets[next] : -1;
    }

    private bool IsClosed(int year)
    {
        if (year != _cutoffYear)
        {
            _cutoffYear = year;
            _cutoffYearClosed = _settings.IsClosed(year, _received);
        }

        return _cutoffYearClosed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fire(ref RetourcodeSet codes, ref LineRules fired, LineRules flag, Rule rule)
    {
        codes.Add(rule.Retourcode);
        fired |= flag;
    }

    [DoesNotReturn]
    private static void ThrowNotThePrepassedFile() =>
        throw new InvalidOperationException("More 04 records than the prepass saw: the adjudicator must read the file its prepass read.");
}
