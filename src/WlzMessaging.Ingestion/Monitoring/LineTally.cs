using System.Runtime.InteropServices;
using WlzMessaging.Vektis;

namespace WlzMessaging.Ingestion.Monitoring;

/// <summary>
/// The outcomes of one file's lines, counted while the file is judged and handed to <see cref="WlzMetrics.RecordLines"/>
/// once when it is done: the metrics cost one call per file, not per line. A rejected line counts under its first
/// retourcode (the one in slot 1), so the rejected counts by code add up to the rejected lines. Reuse it with
/// <see cref="Clear"/>; after the first files it allocates nothing.
/// </summary>
public sealed class LineTally
{
    private readonly Dictionary<ushort, long> _rejectedByCode = [];

    public long Approved { get; private set; }

    public long Rejected { get; private set; }

    public long Lines => Approved + Rejected;

    /// <summary>Rejected lines by their first retourcode.</summary>
    public IReadOnlyDictionary<ushort, long> RejectedByCode => _rejectedByCode;

    /// <summary>Counts one line: approved (8001), or rejected under the first of its codes.</summary>
    public void Add(in RetourcodeSet codes)
    {
        var first = codes.IsEmpty ? default : codes[0];
        if (first == Retourcodes.VolledigToegewezen)
        {
            Approved++;
        }
        else
        {
            AddRejected(first, 1);
        }
    }

    public void AddApproved(long lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        Approved += lines;
    }

    /// <summary>Counts <paramref name="lines"/> rejected lines whose first code is <paramref name="code"/>.</summary>
    public void AddRejected(Retourcode code, long lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        Rejected += lines;
        CollectionsMarshal.GetValueRefOrAddDefault(_rejectedByCode, code.Value, out _) += lines;
    }

    public void Clear()
    {
        Approved = 0;
        Rejected = 0;
        _rejectedByCode.Clear();
    }
}
