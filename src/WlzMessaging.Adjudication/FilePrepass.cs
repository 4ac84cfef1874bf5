using WlzMessaging.Reference;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The adjudicator's part of the first pass over a file: it rides along with the structural read and collects, per 04
/// line, the few keys that need the whole file or the history before any line can be judged. Numbers in flat arrays
/// only, no string and no object per line.
/// </summary>
/// <remarks>
/// What it finds: references that repeat an earlier line's 0431 (8192), credit lines that cancel a debit line of the same
/// file (8062), and what storage must ask the history about (the file's 0431s, the 0432s of its credit lines and the
/// client-prestatie pairs of its debit lines). Feed it every record of the file through <see cref="VektisReader"/>, then
/// call <see cref="Complete"/> once.
/// <para>
/// What it keeps, and why so little: a million-line file used to cost about 90 bytes a line here in dictionaries and hash
/// sets. Now a line costs one byte of flags and two bytes of link to the previous debit line of its client and prestatie;
/// a distinct reference 20 bytes (storage needs its text), a distinct client-prestatie pair 12 bytes, a credit line 16
/// bytes while reading. The open-addressing indexes and the amounts used to pair credits with debits are dropped by
/// <see cref="Complete"/>.
/// </para>
/// </remarks>
public sealed class FilePrepass : IVektisRecordHandler
{
    // Every distinct 0431 in order of first appearance (8192, 8021), and per reference the amount of its first line when
    // that line is a debit with a readable amount, else -1: what pairing a credit with the debit it cancels needs (8062).
    private readonly ReferentienummerSet _references;
    private long[] _pairable;

    // Every distinct non-empty 0432 of a credit line (8017, 8084) and the credit lines themselves, in file order.
    private readonly ReferentienummerSet _voorgaand = new();
    private int[] _creditLine = new int[16];
    private int[] _creditVoorgaand = new int[16];
    private long[] _creditAmount = new long[16];
    private int _credits;

    // Per line: the flags, and the previous debit line of the same client and prestatie, for 8067.
    private readonly ClientPrestatieTable _pairs;
    private PrepassFlags[] _flags;
    private readonly DebitLinks _previousDebit;
    private int _lines;

    private int _instellingscode = -1;
    private bool _isTest;
    private DateOnly? _einddatumDeclaratieperiode;
    private DateOnly? _dagtekeningFactuur;
    private string _factuurnummer = "";
    private int _debitLines;
    private int _creditLines;
    private int _repeated;
    private DateOnly? _debitBegin;
    private DateOnly? _debitEnd;
    private FilePrepassResult? _result;

    // The last few lines, read but not yet entered into the two tables: a line's slots are prefetched when it is read and
    // looked up Deferred lines later, so the random misses of two multi-megabyte tables overlap with reading instead of
    // stalling it. Nothing in the tables is needed before Complete, and lines are still entered in file order.
    private const int Deferred = 8;
    private readonly PendingLine[] _deferred = new PendingLine[Deferred];
    private int _deferredNext;
    private int _deferredCount;

    /// <param name="expectedLines">
    /// The 04 records the file is expected to hold (e.g. its size divided by 312), so that the per-line arrays and the
    /// reference set are sized once instead of doubled as the file is read; 0 when unknown. A wrong guess costs only room.
    /// </param>
    public FilePrepass(int expectedLines = 0)
    {
        var capacity = Math.Max(expectedLines, 64);
        _references = new ReferentienummerSet(capacity);

        // As many pairs as lines at most; sized once, trimmed by Complete when a client has many lines.
        _pairs = new ClientPrestatieTable(capacity);
        _pairable = new long[capacity];
        _flags = new PrepassFlags[capacity];
        _previousDebit = new DebitLinks(capacity);
    }

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

        SettleAll();
        var flags = _flags;
        var creditTargets = FindCreditTargets(out var distinctOfCredit);

        // A credit cancels a debit line of this file that carries its 0432 as 0431 (the first line with that reference)
        // and the same amount; one credit per debit, the first in file order.
        var cancelling = 0;
        var paired = new HashSet<int>();
        for (var i = 0; i < _credits; i++)
        {
            var target = creditTargets[i];
            if (target < 0)
            {
                continue;
            }

            var amount = _pairable[distinctOfCredit[i]];
            if (amount >= 0 && amount == _creditAmount[i] && paired.Add(target))
            {
                flags[target] |= PrepassFlags.CancelsInFile;
                flags[_creditLine[i]] |= PrepassFlags.CancelsInFile;
                cancelling += 2;
            }
        }

        _references.Seal();
        _voorgaand.Seal();
        _pairs.Seal();
        _pairable = [];
        _creditVoorgaand = [];
        _creditAmount = [];

        _result = new FilePrepassResult(
            new FileHeader(_instellingscode, _isTest, _einddatumDeclaratieperiode, _factuurnummer, _dagtekeningFactuur),
            flags,
            _previousDebit,
            _lines,
            _creditLine.AsSpan(0, _credits).ToArray(),
            creditTargets,
            _references,
            _voorgaand,
            _pairs,
            _debitBegin,
            _debitEnd,
            _debitLines,
            _creditLines,
            _repeated,
            cancelling);
        _creditLine = [];
        return _result;
    }

    /// <summary>
    /// For each credit line, the line of this file that first carried its 0432 as 0431 (-1: none), and that reference's
    /// index. Distinct references are numbered in order of first appearance, so the n-th one belongs to the n-th line that
    /// is readable and not a repeat: one scan of the flags finds the lines, no line number is kept per reference.
    /// </summary>
    private int[] FindCreditTargets(out int[] distinctOfCredit)
    {
        var targets = new int[_credits];
        distinctOfCredit = new int[_credits];
        var wanted = new int[_credits];
        var order = new int[_credits];
        var count = 0;
        for (var i = 0; i < _credits; i++)
        {
            targets[i] = -1;
            var distinct = _references.IndexOf(_voorgaand[_creditVoorgaand[i]]);
            distinctOfCredit[i] = distinct;
            if (distinct >= 0)
            {
                wanted[count] = distinct;
                order[count] = i;
                count++;
            }
        }

        Array.Sort(wanted, order, 0, count);
        var next = 0;
        var ordinal = 0;
        for (var line = 0; line < _lines && next < count; line++)
        {
            if ((_flags[line] & (PrepassFlags.RepeatedReferentienummer | PrepassFlags.Unreadable)) != 0)
            {
                continue;
            }

            while (next < count && wanted[next] == ordinal)
            {
                targets[order[next]] = line;
                next++;
            }

            ordinal++;
        }

        return targets;
    }

    private void OnVoorloop(in VoorloopRecord voorloop)
    {
        _instellingscode = voorloop.Instellingscode;
        _isTest = voorloop.IsTest;
        _einddatumDeclaratieperiode = voorloop.EinddatumDeclaratieperiode;
        _dagtekeningFactuur = voorloop.DagtekeningFactuur;
        _factuurnummer = System.Text.Encoding.Latin1.GetString(voorloop.Factuurnummer.TrimEnd((byte)' '));
    }

    private void OnPrestatie(in PrestatieRecord line)
    {
        var index = _lines;
        if (index == _flags.Length)
        {
            GrowLines();
        }

        _lines++;
        if (!line.Record.HasValidLength)
        {
            // Counted, so that line numbers stay in step with the second pass; a record of the wrong length rejects the
            // whole file anyway.
            _flags[index] = PrepassFlags.Unreadable;
            return;
        }

        var referentie = Referentienummer.FromField(line.Referentienummer);
        var isCredit = line.IsCredit;
        var amount = line.Declaratiebedrag;
        ulong pair = 0;
        if (isCredit)
        {
            _creditLines++;
            var voorgaand = Referentienummer.FromField(line.ReferentienummerVoorgaand);
            if (!voorgaand.IsEmpty)
            {
                AddCredit(index, _voorgaand.Add(voorgaand, out _), amount);
            }
        }
        else
        {
            _debitLines++;
            pair = _pairs.KeyOf(line.Bsn, PrestatieCode.FromAscii(line.Prestatiecode));
            _pairs.Prefetch(pair);
            if (line.BegindatumPrestatie is { } begin && line.EinddatumPrestatie is { } end && begin <= end)
            {
                _debitBegin = _debitBegin is { } b && b <= begin ? b : begin;
                _debitEnd = _debitEnd is { } e && e >= end ? e : end;
            }
        }

        _flags[index] = PrepassFlags.None;
        _references.Prefetch(referentie);

        // The two tables are looked up a few lines later, when the prefetched slots have arrived (see Deferred).
        ref var slot = ref _deferred[_deferredNext];
        if (_deferredCount == Deferred)
        {
            Settle(slot);
        }
        else
        {
            _deferredCount++;
        }

        slot = new PendingLine(index, referentie, !isCredit && amount >= 0 ? amount : -1, pair, !isCredit);
        _deferredNext = (_deferredNext + 1) % Deferred;
    }

    /// <summary>Enters a line into the reference set and the pair table: its repeat flag and its debit link.</summary>
    private void Settle(in PendingLine line)
    {
        var distinct = _references.Add(line.Referentie, out var added);
        if (added)
        {
            if (distinct == _pairable.Length)
            {
                Array.Resize(ref _pairable, _pairable.Length * 2);
            }

            _pairable[distinct] = line.Pairable;
        }
        else
        {
            _flags[line.Line] |= PrepassFlags.RepeatedReferentienummer;
            _repeated++;
        }

        if (line.IsDebit)
        {
            _previousDebit.Set(line.Line, _pairs.Link(line.Pair, line.Line));
        }
    }

    /// <summary>Settles the lines still waiting, oldest first, so that the tables hold every line in file order.</summary>
    private void SettleAll()
    {
        var first = (_deferredNext - _deferredCount + Deferred) % Deferred;
        for (var i = 0; i < _deferredCount; i++)
        {
            Settle(_deferred[(first + i) % Deferred]);
        }

        _deferredCount = 0;
        _deferredNext = 0;
    }

    private void AddCredit(int line, int voorgaand, long amount)
    {
        if (_credits == _creditLine.Length)
        {
            var capacity = _credits * 2;
            Array.Resize(ref _creditLine, capacity);
            Array.Resize(ref _creditVoorgaand, capacity);
            Array.Resize(ref _creditAmount, capacity);
        }

        _creditLine[_credits] = line;
        _creditVoorgaand[_credits] = voorgaand;
        _creditAmount[_credits] = amount;
        _credits++;
    }

    private void GrowLines()
    {
        Array.Resize(ref _flags, _flags.Length * 2);
    }

    private readonly record struct PendingLine(int Line, Referentienummer Referentie, long Pairable, ulong Pair, bool IsDebit);
}
