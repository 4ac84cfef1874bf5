using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication;

/// <summary>
/// What earlier production files of one provider tell about the lines of the file being judged, loaded by storage in bulk
/// for exactly the keys the prepass found (<see cref="FilePrepassResult"/>), before the second pass begins:
/// <list type="bullet">
/// <item>(a) the 0431s this provider already sent (L07, 8021): <see cref="AddReceived"/> for each reference of
/// <see cref="FilePrepassResult.Referentienummers"/> found on any line of an earlier production file of the provider that
/// was not rejected as a whole;</item>
/// <item>(b) approved debit lines named by the file's credits (L09/L10, 8017/8084): <see cref="AddApprovedDebit"/> for each
/// approved debit line whose 0431 is in <see cref="FilePrepassResult.VoorgaandeReferentienummers"/>, with whether it is
/// already credited;</item>
/// <item>(c) approved, uncredited debit lines of the same client and prestatiecode (L12, 8067):
/// <see cref="AddApprovedDebit"/> for each such line whose (BSN, prestatiecode) is in
/// <see cref="FilePrepassResult.DebitClientPrestaties"/>.</item>
/// </list>
/// A line found by both (b) and (c) may be added twice; it is kept once. Lines of test files are never history.
/// </summary>
/// <remarks>
/// The adjudicator never changes a history: it judges on a working copy to which the file's own approved debits and credits
/// are added as it goes. Lookups allocate nothing.
/// </remarks>
public sealed class DeclarationHistory
{
    private readonly HashSet<Referentienummer> _received;
    private readonly DebitLedger _debits;

    /// <param name="receivedCapacity">Expected number of <see cref="AddReceived"/> calls (only to avoid regrowing).</param>
    /// <param name="debitCapacity">Expected number of <see cref="AddApprovedDebit"/> calls.</param>
    public DeclarationHistory(int receivedCapacity = 0, int debitCapacity = 0)
    {
        _received = new HashSet<Referentienummer>(receivedCapacity);
        _debits = new DebitLedger(debitCapacity);
    }

    /// <summary>References recorded as received.</summary>
    public int ReceivedCount => _received.Count;

    /// <summary>Approved debit lines recorded (each reference once).</summary>
    public int DebitCount => _debits.Count;

    internal DebitLedger Debits => _debits;

    /// <summary>(a) This provider sent a line with this 0431 in an earlier production file.</summary>
    public void AddReceived(Referentienummer referentienummer) => _received.Add(referentienummer);

    /// <summary>
    /// (b)/(c) An approved debit line of this provider from an earlier production file: its 0431, client, prestatiecode,
    /// period (0414..0415), declared amount in cents and whether an approved credit line has reversed it.
    /// </summary>
    /// <exception cref="ArgumentException">The reference is empty or the period ends before it begins (storage holds no such line).</exception>
    public void AddApprovedDebit(
        Referentienummer referentienummer, int bsn, PrestatieCode prestatiecode, DateOnly begin, DateOnly end, long declaratiebedrag, bool credited)
    {
        if (referentienummer.IsEmpty)
        {
            throw new ArgumentException("An approved debit line has a referentienummer.", nameof(referentienummer));
        }

        if (end < begin)
        {
            throw new ArgumentException("An approved debit line's period does not end before it begins.", nameof(end));
        }

        _debits.Add(referentienummer, new ClientPrestatie(bsn, prestatiecode), begin, end, declaratiebedrag, credited);
    }

    /// <summary>True when this provider sent a line with 0431 = <paramref name="referentienummer"/> before.</summary>
    public bool WasReceived(in Referentienummer referentienummer) => _received.Contains(referentienummer);

    /// <summary>True when an approved debit line carries this 0431; <paramref name="credited"/> says whether it is reversed.</summary>
    public bool TryGetApprovedDebit(in Referentienummer referentienummer, out bool credited)
    {
        if (_debits.TryFind(referentienummer, out var entry))
        {
            credited = _debits.IsCredited(entry);
            return true;
        }

        credited = false;
        return false;
    }

    /// <summary>True when an approved, uncredited debit line of the client and prestatiecode overlaps the period.</summary>
    public bool HasUncreditedOverlap(int bsn, PrestatieCode prestatiecode, DateOnly begin, DateOnly end) =>
        _debits.HasUncreditedOverlap(new ClientPrestatie(bsn, prestatiecode), begin, end);
}
