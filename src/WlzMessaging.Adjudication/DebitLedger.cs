namespace WlzMessaging.Adjudication;

/// <summary>
/// Approved debit lines of earlier files (the history), findable by their 0431 (for credits: 8017, 8084) and by client
/// and prestatiecode (for a line declared again: 8067, identical; 8216, overlapping). Entries live in one array; the entries of a (BSN, prestatiecode)
/// form a chain through it, so no key owns a list of its own. Once sized, adding and looking up allocate nothing.
/// </summary>
/// <remarks>
/// The file's own approved debits are not added here (see <see cref="FileDebits"/>): the adjudicator judges against a copy
/// of the credited flags (<see cref="CopyCredited"/>), so the history itself never changes.
/// </remarks>
internal sealed class DebitLedger
{
    private readonly Dictionary<Referentienummer, int> _byReferentie;
    private readonly Dictionary<ClientPrestatie, int> _lastByClient;
    private Entry[] _entries;
    private int _count;

    public DebitLedger(int capacity = 0)
    {
        _byReferentie = new Dictionary<Referentienummer, int>(capacity);
        _lastByClient = new Dictionary<ClientPrestatie, int>(capacity);
        _entries = new Entry[Math.Max(capacity, 4)];
    }

    public int Count => _count;

    /// <summary>
    /// Adds an approved debit line. A reference already present is the same line loaded twice (by reference and by
    /// client): the entry stays, and counts as credited when either load said so.
    /// </summary>
    public void Add(in Referentienummer referentie, ClientPrestatie client, DateOnly begin, DateOnly end, long amount, bool credited)
    {
        if (_byReferentie.TryGetValue(referentie, out var existing))
        {
            _entries[existing].Credited |= credited;
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }

        var previous = _lastByClient.TryGetValue(client, out var last) ? last : -1;
        _entries[_count] = new Entry
        {
            Referentie = referentie,
            Begin = begin,
            End = end,
            Amount = amount,
            Previous = previous,
            Credited = credited,
        };
        _byReferentie[referentie] = _count;
        _lastByClient[client] = _count;
        _count++;
    }

    public bool TryFind(in Referentienummer referentie, out int entry) => _byReferentie.TryGetValue(referentie, out entry);

    public bool IsCredited(int entry) => _entries[entry].Credited;

    public long AmountOf(int entry) => _entries[entry].Amount;

    /// <summary>The credited flag of every entry, for a working copy the adjudicator may change.</summary>
    public bool[] CopyCredited()
    {
        var credited = new bool[_count];
        for (var i = 0; i < _count; i++)
        {
            credited[i] = _entries[i].Credited;
        }

        return credited;
    }

    /// <summary>As <see cref="HasUncreditedOverlap(ClientPrestatie, DateOnly, DateOnly)"/>, with the credited flags of a working copy.</summary>
    public bool HasUncreditedOverlap(ClientPrestatie client, DateOnly begin, DateOnly end, bool[] credited)
    {
        if (_count == 0 || !_lastByClient.TryGetValue(client, out var index))
        {
            return false;
        }

        var entries = _entries;
        while (index >= 0)
        {
            ref readonly var entry = ref entries[index];
            if (!credited[index] && entry.Begin <= end && begin <= entry.End)
            {
                return true;
            }

            index = entry.Previous;
        }

        return false;
    }

    /// <summary>
    /// How an earlier approved, uncredited debit of the client and prestatiecode (credited flags of a working copy) meets a
    /// debit line of <paramref name="begin"/>..<paramref name="end"/> and <paramref name="amount"/> cents:
    /// <see cref="EarlierDebit.Identical"/> when one has the same period and amount (8067, the line declared again under a
    /// new reference), else <see cref="EarlierDebit.Overlapping"/> when one shares a day with it (8216), else none.
    /// </summary>
    public EarlierDebit FindUncredited(ClientPrestatie client, DateOnly begin, DateOnly end, long amount, bool[] credited)
    {
        if (_count == 0 || !_lastByClient.TryGetValue(client, out var index))
        {
            return EarlierDebit.None;
        }

        var found = EarlierDebit.None;
        var entries = _entries;
        while (index >= 0)
        {
            ref readonly var entry = ref entries[index];
            if (!credited[index] && entry.Begin <= end && begin <= entry.End)
            {
                if (entry.Begin == begin && entry.End == end && entry.Amount == amount)
                {
                    return EarlierDebit.Identical;
                }

                found = EarlierDebit.Overlapping;
            }

            index = entry.Previous;
        }

        return found;
    }

    /// <summary>True when an uncredited entry of the client and prestatiecode shares a day with <paramref name="begin"/>..<paramref name="end"/>.</summary>
    public bool HasUncreditedOverlap(ClientPrestatie client, DateOnly begin, DateOnly end)
    {
        if (!_lastByClient.TryGetValue(client, out var index))
        {
            return false;
        }

        var entries = _entries;
        while (index >= 0)
        {
            ref readonly var entry = ref entries[index];
            if (!entry.Credited && entry.Begin <= end && begin <= entry.End)
            {
                return true;
            }

            index = entry.Previous;
        }

        return false;
    }

    private struct Entry
    {
        public Referentienummer Referentie;
        public DateOnly Begin;
        public DateOnly End;
        public long Amount;
        public int Previous;
        public bool Credited;
    }
}
