using System.Runtime.CompilerServices;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The debit lines of the file being judged that the adjudicator approved so far, by line number: whether a line is an
/// approved debit, whether an approved credit of this file reversed it, and its period. Credits find their debit through
/// the prepass's credit targets (8017, 8084) and a debit finds earlier debits of its client and prestatie through the
/// prepass's links (8067), so nothing here is hashed.
/// </summary>
/// <remarks>
/// Five bytes a line, allocated once when the adjudicator is built: a state byte and the period as two 16-bit day
/// offsets from the first day of the file's debit periods, which the prepass found. Every approved debit lies inside the
/// prepass's debit period (the same bytes are read in both passes), so the offsets always fit when that period spans fewer
/// than 65,535 days; a file whose debit periods span more (only nonsense dates do) keeps two <see cref="int"/> day numbers
/// a line instead.
/// </remarks>
internal sealed class FileDebits
{
    private const byte Approved = 1;
    private const byte Credited = 2;

    private readonly byte[] _state;
    private readonly uint[]? _offsets;
    private readonly int[]? _begin;
    private readonly int[]? _end;
    private readonly int _base;

    public FileDebits(int lines, DateOnly? periodBegin, DateOnly? periodEnd)
    {
        _state = new byte[lines];
        if (periodBegin is not { } first || periodEnd is not { } last)
        {
            // No debit line with a valid period: none can be approved.
            return;
        }

        _base = first.DayNumber;
        if (last.DayNumber - _base < ushort.MaxValue)
        {
            _offsets = new uint[lines];
        }
        else
        {
            _begin = new int[lines];
            _end = new int[lines];
        }
    }

    /// <summary>The bytes this state holds, for the benchmark's figures.</summary>
    public long Footprint => _state.Length + ((_offsets?.Length ?? 0) * 4L) + ((_begin?.Length ?? 0) * 8L);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsApproved(int line) => (_state[line] & Approved) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsCredited(int line) => (_state[line] & Credited) != 0;

    public void MarkCredited(int line) => _state[line] |= Credited;

    /// <summary>Records debit line <paramref name="line"/> as approved with its period (which lies in the prepass's debit period).</summary>
    public void Approve(int line, DateOnly begin, DateOnly end)
    {
        if (_offsets is { } offsets)
        {
            offsets[line] = ((uint)(begin.DayNumber - _base) << 16) | (uint)(end.DayNumber - _base);
        }
        else
        {
            _begin![line] = begin.DayNumber;
            _end![line] = end.DayNumber;
        }

        _state[line] |= Approved;
    }

    /// <summary>
    /// True when an approved, uncredited debit line among <paramref name="previous"/> and the lines it links back to
    /// (<paramref name="links"/>) shares a day with <paramref name="begin"/>..<paramref name="end"/>.
    /// </summary>
    public bool HasUncreditedOverlap(int previous, FilePrepassResult links, DateOnly begin, DateOnly end)
    {
        if (previous < 0)
        {
            return false;
        }

        var b = begin.DayNumber - _base;
        var e = end.DayNumber - _base;
        var state = _state;
        for (var line = previous; line >= 0; line = links.PreviousDebitOf(line))
        {
            if (state[line] != Approved)
            {
                continue;
            }

            int lineBegin;
            int lineEnd;
            if (_offsets is { } offsets)
            {
                lineBegin = (int)(offsets[line] >> 16);
                lineEnd = (int)(offsets[line] & 0xFFFF);
            }
            else
            {
                lineBegin = _begin![line] - _base;
                lineEnd = _end![line] - _base;
            }

            if (lineBegin <= e && b <= lineEnd)
            {
                return true;
            }
        }

        return false;
    }
}
