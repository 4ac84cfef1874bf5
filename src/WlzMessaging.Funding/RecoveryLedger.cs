namespace WlzMessaging.Funding;

/// <summary>
/// The open recoveries of one provider per year, oldest year first. A recovery opens from invorderingen.csv or from a run
/// whose items sum to less than zero, and closes as later runs offset it (their invordering items).
/// </summary>
internal sealed class RecoveryLedger
{
    private readonly SortedDictionary<int, long> _open = [];

    public RecoveryLedger()
    {
    }

    public RecoveryLedger(IEnumerable<RecoveryBalance> balances)
    {
        foreach (var balance in balances)
        {
            Add(balance.Year, balance.AmountCents);
        }
    }

    /// <summary>Replays the opening balances and the earlier runs, in run order, to what is open before the next run.</summary>
    public static RecoveryLedger Replay(IEnumerable<Invordering> invorderingen, IEnumerable<PaidItem> earlierItems)
    {
        var ledger = new RecoveryLedger();
        foreach (var invordering in invorderingen)
        {
            ledger.Add(invordering.Year, invordering.AmountCents);
        }

        foreach (var run in earlierItems.GroupBy(i => i.RunDate).OrderBy(g => g.Key))
        {
            var items = run.Select(i => i.ToItem()).ToArray();
            foreach (var offset in items.Where(i => i.Kind == ItemKind.Invordering))
            {
                ledger.Add(offset.Year, offset.AmountCents);
            }

            ledger.OpenFromNegativeTotal(items.Where(i => i.Kind != ItemKind.Invordering));
        }

        return ledger;
    }

    public IReadOnlyList<RecoveryBalance> Balances =>
        _open.Where(b => b.Value != 0).Select(b => new RecoveryBalance(b.Key, b.Value)).ToArray();

    /// <summary>
    /// Offsets the open recoveries, oldest year first, against a payable total; returns the invordering items (negative).
    /// Only positive balances are offset.
    /// </summary>
    public IReadOnlyList<FundingItem> OffsetAgainst(long payableCents)
    {
        var offsets = new List<FundingItem>();
        var remaining = payableCents;
        foreach (var (year, open) in _open.ToArray())
        {
            if (remaining <= 0)
            {
                break;
            }

            if (open <= 0)
            {
                continue;
            }

            var offset = Math.Min(open, remaining);
            _open[year] = open - offset;
            remaining -= offset;
            offsets.Add(new FundingItem(ItemKind.Invordering, year, -offset));
        }

        return offsets;
    }

    /// <summary>
    /// When a run's items sum to less than zero, the shortfall becomes a recovery. Decision: it is booked on the years whose
    /// items are negative; the run's positive items cover the oldest of those first, so the recovery lands on the newest.
    /// </summary>
    public void OpenFromNegativeTotal(IEnumerable<FundingItem> payableItems)
    {
        var netPerYear = payableItems
            .GroupBy(i => i.Year)
            .OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Net: g.Sum(i => i.AmountCents)))
            .ToArray();

        if (netPerYear.Sum(y => y.Net) >= 0)
        {
            return;
        }

        var cover = netPerYear.Where(y => y.Net > 0).Sum(y => y.Net);
        foreach (var (year, net) in netPerYear.Where(y => y.Net < 0))
        {
            var covered = Math.Min(cover, -net);
            cover -= covered;
            Add(year, -net - covered);
        }
    }

    private void Add(int year, long amountCents)
    {
        _open[year] = checked(_open.GetValueOrDefault(year) + amountCents);
    }
}
