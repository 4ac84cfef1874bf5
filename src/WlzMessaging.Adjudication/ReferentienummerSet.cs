using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The distinct references of a file, in order of first appearance, each with a dense index: 20 bytes a reference in three
/// columns, plus an open-addressing index of <see cref="int"/>s while references are still being added.
/// </summary>
/// <remarks>
/// Why not a <c>HashSet&lt;Referentienummer&gt;</c>: its entries (hash, next, 24-byte key) and buckets cost about 36 bytes a
/// reference, and a million-line file has a million of them. Here a probe compares the full 20 bytes, so two references
/// whose hashes collide are still told apart: a collision costs a step of the probe, never a wrong answer. The full bytes
/// are kept anyway, because storage sends the references themselves to PostgreSQL. <see cref="Seal"/> drops the index
/// once the file is read; what is left is the list storage enumerates.
/// </remarks>
internal sealed class ReferentienummerSet : IReadOnlyCollection<Referentienummer>
{
    private ulong[] _head;
    private ulong[] _middle;
    private uint[] _tail;
    private int[]? _slots;
    private int _shift;
    private int _count;

    public ReferentienummerSet(int capacity = 16)
    {
        capacity = Math.Max(capacity, 16);
        _head = new ulong[capacity];
        _middle = new ulong[capacity];
        _tail = new uint[capacity];
        var slots = SlotsFor(capacity);
        _slots = new int[slots];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots);
    }

    public int Count => _count;

    public Referentienummer this[int index] => Referentienummer.FromWords(_head[index], _middle[index], _tail[index]);

    /// <summary>The index of the reference, added at the end when new (<paramref name="added"/>).</summary>
    public int Add(in Referentienummer value, out bool added)
    {
        var slots = _slots ?? ThrowSealed();
        var head = value.Head;
        var middle = value.Middle;
        var tail = value.Tail;
        var mask = slots.Length - 1;
        var slot = (int)(Referentienummer.Hash(head, middle, tail) >> _shift);
        while (true)
        {
            var stored = slots[slot] - 1;
            if (stored < 0)
            {
                break;
            }

            if (_head[stored] == head && _middle[stored] == middle && _tail[stored] == tail)
            {
                added = false;
                return stored;
            }

            slot = (slot + 1) & mask;
        }

        if (_count == _head.Length)
        {
            Grow();
            return Add(value, out added);
        }

        var index = _count++;
        _head[index] = head;
        _middle[index] = middle;
        _tail[index] = tail;
        slots[slot] = index + 1;
        added = true;
        return index;
    }

    /// <summary>Starts loading the slot where <see cref="Add"/> of this reference will probe first (see <see cref="FilePrepass"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(in Referentienummer value)
    {
        if (Sse.IsSupported && _slots is { } slots)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref slots[(int)(Referentienummer.Hash(value.Head, value.Middle, value.Tail) >> _shift)]));
        }
    }

    /// <summary>The index of the reference; -1 when the set does not hold it.</summary>
    public int IndexOf(in Referentienummer value)
    {
        var slots = _slots ?? ThrowSealed();
        var head = value.Head;
        var middle = value.Middle;
        var tail = value.Tail;
        var mask = slots.Length - 1;
        var slot = (int)(Referentienummer.Hash(head, middle, tail) >> _shift);
        while (true)
        {
            var stored = slots[slot] - 1;
            if (stored < 0)
            {
                return -1;
            }

            if (_head[stored] == head && _middle[stored] == middle && _tail[stored] == tail)
            {
                return stored;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Drops the index and the unused room: the set is then a read-only list (no more adds or look-ups).</summary>
    public void Seal()
    {
        _slots = null;

        // Trimmed only when much room is unused: a copy of 20 MB to win 1 MB would only raise the peak.
        if (_head.Length - _count > _count / 8)
        {
            Array.Resize(ref _head, _count);
            Array.Resize(ref _middle, _count);
            Array.Resize(ref _tail, _count);
        }
    }

    /// <summary>The bytes the set holds now, index included: for the memory figures of the benchmark.</summary>
    public long Footprint => (_head.Length * 20L) + ((_slots?.Length ?? 0) * 4L);

    public IEnumerator<Referentienummer> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // At most three quarters full, so that linear probes stay short.
    private static int SlotsFor(int capacity) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(capacity + (capacity / 3) + 1));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var capacity = _head.Length * 2;
        Array.Resize(ref _head, capacity);
        Array.Resize(ref _middle, capacity);
        Array.Resize(ref _tail, capacity);
        var slots = new int[SlotsFor(capacity)];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots.Length);
        var mask = slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = (int)(Referentienummer.Hash(_head[i], _middle[i], _tail[i]) >> _shift);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        _slots = slots;
    }

    private static int[] ThrowSealed() =>
        throw new InvalidOperationException("The set is sealed: the prepass is complete.");
}
