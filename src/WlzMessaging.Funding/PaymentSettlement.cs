namespace WlzMessaging.Funding;

/// <summary>
/// Turns a run's payable items into the payment (protocol, Werkwijze): open recoveries are offset against a positive total
/// as far as it allows, a negative total opens a recovery, and the payment never goes below zero.
/// </summary>
internal static class PaymentSettlement
{
    public static Settlement Settle(IReadOnlyList<FundingItem> payableItems, IEnumerable<RecoveryBalance> openBefore)
    {
        var ledger = new RecoveryLedger(openBefore);
        var total = payableItems.Sum(i => i.AmountCents);
        if (total < 0)
        {
            ledger.OpenFromNegativeTotal(payableItems);
            return new Settlement([], 0, ledger.Balances);
        }

        var offsets = ledger.OffsetAgainst(total);
        return new Settlement(offsets, total + offsets.Sum(o => o.AmountCents), ledger.Balances);
    }

    internal sealed record Settlement(
        IReadOnlyList<FundingItem> Offsets,
        long PaymentCents,
        IReadOnlyList<RecoveryBalance> CarriedForward);
}
