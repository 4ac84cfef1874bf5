using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The distinct (BSN, prestatiecode) pairs of a file's debit lines, each with the last debit line of the pair seen so far:
/// the prepass links every debit line to the previous one of its pair through it, so the second pass finds a line's
/// earlier debits of the same client and prestatie (8067) by following line numbers, without a hash look-up.
/// </summary>
/// <remarks>
/// A pair is one <see cref="ulong"/>: the BSN in the high 32 bits and, in the low 32, the number of its prestatiecode among
/// the file's distinct codes (a file has a few dozen; the 40-bit packed code and a 30-bit BSN would not fit 64 bits
/// together). So 8 bytes a pair are kept, plus, while reading, 4 for its last line and an open-addressing index of
/// <see cref="int"/>s, instead of a <c>HashSet&lt;ClientPrestatie&gt;</c> per file. A probe compares the whole key, so
/// a hash collision is never mistaken for a match. Pairs with a BSN that is not digits (-1) are linked like the others but are
/// not listed: storage has no such client to ask about. <see cref="Seal"/> drops the index and the last lines.
/// </remarks>
internal sealed class ClientPrestatieTable : IReadOnlyCollection<ClientPrestatie>
{
    private readonly Dictionary<ulong, int> _codeNumbers = [];
    private readonly List<ulong> _codes = [];
    private ulong _lastCode = ulong.MaxValue;
    private int _lastCodeNumber;
    private ulong[] _keys;
    private int[]? _last;
    private int[]? _slots;
    private int _shift;
    private int _count;
    private int _listed;

    public ClientPrestatieTable(int capacity = 16)
    {
        capacity = Math.Max(capacity, 16);
        _keys = new ulong[capacity];
        _last = new int[capacity];
        var slots = SlotsFor(capacity);
        _slots = new int[slots];
        _shift = 64 - BitOperations.Log2((uint)slots);
    }

    /// <summary>The pairs with a BSN of digits: what storage asks the history about.</summary>
    public int Count => _listed;

    /// <summary>The pair as the table's key: the BSN in the high half, the code's number among the file's codes in the low.</summary>
    // The BSN's 32 bits (as they are, a negative one too) in the high half: packing and unpacking reinterpret bits, unchecked.
    public ulong KeyOf(int bsn, PrestatieCode code) => unchecked(((ulong)(uint)bsn << 32) | (uint)NumberOf(code.Packed));

    /// <summary>Starts loading the slot where <see cref="Link"/> of this key will probe first (see <see cref="FilePrepass"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (Sse.IsSupported && _slots is { } slots)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref slots[(int)(Hash(key) >> _shift)]));
        }
    }

    /// <summary>Records <paramref name="line"/> as the latest debit line of the pair <paramref name="key"/>; returns the one before it, or -1.</summary>
    public int Link(ulong key, int line)
    {
        var slots = _slots ?? ThrowSealed();
        var mask = slots.Length - 1;
        var slot = (int)(Hash(key) >> _shift);
        while (true)
        {
            var stored = slots[slot] - 1;
            if (stored < 0)
            {
                break;
            }

            if (_keys[stored] == key)
            {
                var previous = _last![stored];
                _last[stored] = line;
                return previous;
            }

            slot = (slot + 1) & mask;
        }

        if (_count == _keys.Length)
        {
            Grow();
            return Link(key, line);
        }

        var index = _count++;
        _keys[index] = key;
        _last![index] = line;
        slots[slot] = index + 1;
        if (unchecked((int)(key >> 32)) >= 0)
        {
            _listed++;
        }

        return -1;
    }

    /// <summary>Drops the index and the last lines: the table is then the read-only list of pairs.</summary>
    public void Seal()
    {
        _slots = null;
        _last = null;
        // Pairs are not known in advance and grow by doubling: trimmed unless nearly full (8 MB to copy at a million).
        if (_keys.Length - _count > _count / 32)
        {
            Array.Resize(ref _keys, _count);
        }
    }

    /// <summary>The bytes the table holds now, index included: for the memory figures of the benchmark.</summary>
    public long Footprint => (_keys.Length * 8L) + ((_last?.Length ?? 0) * 4L) + ((_slots?.Length ?? 0) * 4L);

    public IEnumerator<ClientPrestatie> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            var bsn = unchecked((int)(_keys[i] >> 32));
            if (bsn >= 0)
            {
                yield return new ClientPrestatie(bsn, PrestatieCode.FromPacked(_codes[unchecked((int)(uint)_keys[i])]));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ulong Hash(ulong key)
    {
        var h = unchecked(key * 0x9E3779B97F4A7C15UL); // Fibonacci hashing: the product wraps modulo 2^64 on purpose
        return h ^ (h >> 29);
    }

    /// <summary>The code's number among the file's codes; consecutive lines mostly share a code, so the last one is kept at hand.</summary>
    private int NumberOf(ulong code)
    {
        if (code == _lastCode)
        {
            return _lastCodeNumber;
        }

        if (!_codeNumbers.TryGetValue(code, out var number))
        {
            number = _codes.Count;
            _codes.Add(code);
            _codeNumbers.Add(code, number);
        }

        _lastCode = code;
        _lastCodeNumber = number;
        return number;
    }

    private static int SlotsFor(int capacity) => (int)BitOperations.RoundUpToPowerOf2((uint)(capacity + (capacity / 3) + 1));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var capacity = _keys.Length * 2;
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _last, capacity);
        var slots = new int[SlotsFor(capacity)];
        _shift = 64 - BitOperations.Log2((uint)slots.Length);
        var mask = slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = (int)(Hash(_keys[i]) >> _shift);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        _slots = slots;
    }

    private static int[] ThrowSealed() =>
        throw new InvalidOperationException("The table is sealed: the prepass is complete.");
}
