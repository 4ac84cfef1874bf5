namespace WlzMessaging.Operations.Inspect;

/// <summary>What inspect counted while reading: records by type, amounts, and for an AW320 the answers.</summary>
public sealed class InspectTotals
{
    public long Records { get; set; }

    public long Shown { get; set; }

    public long Clients { get; set; }

    public long Lines { get; set; }

    public long Comments { get; set; }

    public long OtherRecords { get; set; }

    public long DebitLines { get; set; }

    public long DebitCents { get; set; }

    public long CreditLines { get; set; }

    public long CreditCents { get; set; }

    public long NetCents => DebitCents - CreditCents;

    /// <summary>Records of the wrong length, whose fields could not be read.</summary>
    public long Malformed { get; set; }

    public long RecordsWithFaults { get; set; }

    /// <summary>True when the records carry an AW320 answer part.</summary>
    public bool HasAnswers { get; set; }

    public long ApprovedLines { get; set; }

    public long RejectedLines { get; set; }

    public long ToegekendNetCents { get; set; }
}
