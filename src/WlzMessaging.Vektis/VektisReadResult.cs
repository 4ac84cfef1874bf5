namespace WlzMessaging.Vektis;

/// <summary>What reading a whole file found: which message, its counts and net total, and the faults that reject it.</summary>
public sealed class VektisReadResult
{
    private readonly List<FileFault> _fileFaults = [];

    public MessageKind Kind { get; internal set; }

    /// <summary>
    /// False when the input is not a Vektis message at all (empty, binary, no voorlooprecord to answer): no AW320 can be
    /// formed and the file is quarantined with <see cref="NotVektisReason"/>.
    /// </summary>
    public bool IsVektis => NotVektisReason is null;

    public string? NotVektisReason { get; internal set; }

    /// <summary>Faults that reject the whole file; the AW320 then holds only the 01 and 99 records.</summary>
    public IReadOnlyList<FileFault> FileFaults => _fileFaults;

    /// <summary>Faults found beyond <see cref="VektisReaderOptions.MaxFileFaults"/>, counted only.</summary>
    public int FileFaultsNotKept { get; private set; }

    public bool IsRejected => !IsVektis || _fileFaults.Count > 0;

    /// <summary>A copy of the voorlooprecord (without CR LF), when the file has one of the right length.</summary>
    public byte[]? Voorloop { get; internal set; }

    /// <summary>A copy of the sluitrecord (without CR LF), when the file has one of the right length.</summary>
    public byte[]? Sluit { get; internal set; }

    public long Records { get; internal set; }

    public long Bytes { get; internal set; }

    public int AantalVerzekerdenrecords { get; internal set; }

    public int AantalDebiteurrecords { get; internal set; }

    public int AantalPrestatierecords { get; internal set; }

    public int AantalCommentaarrecords { get; internal set; }

    public int TotaalAantalDetailrecords =>
        AantalVerzekerdenrecords + AantalDebiteurrecords + AantalPrestatierecords + AantalCommentaarrecords;

    /// <summary>The net sum of DECLARATIEBEDRAG over the 04 records (credit negative), in cents.</summary>
    public long NetDeclaratiebedrag { get; internal set; }

    /// <summary>Record-level faults found (records that carry codes of their own), for a quick summary.</summary>
    public int RecordsWithFaults { get; internal set; }

    /// <summary>
    /// Rejects the file for a reason found outside the reader: a decision that needs the store, such as an invoice
    /// number already received (0030). The AW320 then answers the file as a whole, like any structural fault.
    /// </summary>
    public void Reject(Retourcode code, string message) =>
        AddFileFault(code, 0, message, int.MaxValue);

    internal void AddFileFault(Retourcode code, long recordNumber, string message, int max)
    {
        if (_fileFaults.Count < max)
        {
            _fileFaults.Add(new FileFault(code, recordNumber, message));
        }
        else
        {
            FileFaultsNotKept++;
        }
    }

    /// <summary>The retourcodes of the file-level faults in the order found, without repeats (for the 01 of the AW320).</summary>
    public IEnumerable<Retourcode> DistinctFileFaultCodes() => _fileFaults.Select(f => f.Code).Distinct();
}
