namespace WlzMessaging.Adjudication;

/// <summary>
/// Per line of a file, the previous debit line of the same BSN and prestatiecode (8067), as a 16-bit distance back.
/// </summary>
/// <remarks>
/// A file lists a client's lines together, so the previous debit of a pair is nearly always a few lines back: two bytes
/// a line instead of four. A distance of 65,535 lines or more (a client whose lines lie far apart) is kept exactly in a
/// side dictionary, so no link is ever lost or guessed.
/// </remarks>
internal sealed class DebitLinks
{
    private const ushort None = 0;
    private const ushort Far = ushort.MaxValue;

    private readonly Dictionary<int, int> _far = [];
    private ushort[] _distance;

    public DebitLinks(int capacity) => _distance = new ushort[capacity];

    /// <summary>The bytes held, for the benchmark's figures (the side dictionary at about 12 bytes an entry).</summary>
    public long Footprint => (_distance.Length * 2L) + (_far.Count * 12L);

    /// <summary>Records that the previous debit of <paramref name="line"/>'s pair is <paramref name="previous"/> (-1: none).</summary>
    public void Set(int line, int previous)
    {
        if (line >= _distance.Length)
        {
            Array.Resize(ref _distance, Math.Max(_distance.Length * 2, line + 1));
        }

        if (previous < 0)
        {
            _distance[line] = None;
            return;
        }

        var distance = line - previous;
        if (distance < Far)
        {
            _distance[line] = (ushort)distance;
        }
        else
        {
            _distance[line] = Far;
            _far[line] = previous;
        }
    }

    /// <summary>The previous debit line of <paramref name="line"/>'s pair; -1 when none (or for a credit or unread line).</summary>
    public int PreviousOf(int line)
    {
        var distance = _distance[line];
        return distance switch
        {
            None => -1,
            Far => _far[line],
            _ => line - distance,
        };
    }
}
