namespace WlzMessaging.Vektis;

/// <summary>
/// The three RETOURCODE slots of an AW320 record. Codes are kept in the order they were found; the first three count,
/// as the standard has room for three. A code already present is not added twice.
/// </summary>
public struct RetourcodeSet : IEquatable<RetourcodeSet>
{
    private ushort _first;
    private ushort _second;
    private ushort _third;

    public RetourcodeSet(Retourcode first) => Add(first);

    /// <summary>How many slots are filled (0-3).</summary>
    public readonly int Count => _third != 0 ? 3 : _second != 0 ? 2 : _first != 0 ? 1 : 0;

    public readonly bool IsEmpty => _first == 0;

    public readonly Retourcode this[int index] => index switch
    {
        0 => new Retourcode(_first),
        1 => new Retourcode(_second),
        2 => new Retourcode(_third),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Adds a code to the first free slot; ignored when the code is there already or all three slots are full.</summary>
    public void Add(Retourcode code)
    {
        var v = code.Value;
        if (v == 0 || v == _first || v == _second || v == _third)
        {
            return;
        }

        if (_first == 0)
        {
            _first = v;
        }
        else if (_second == 0)
        {
            _second = v;
        }
        else if (_third == 0)
        {
            _third = v;
        }
    }

    public readonly bool Contains(Retourcode code) =>
        code.Value != 0 && (code.Value == _first || code.Value == _second || code.Value == _third);

    /// <summary>Writes the three slots as 12 bytes: four digits a filled slot, four spaces an empty one.</summary>
    public readonly void Format(Span<byte> destination)
    {
        destination[..12].Fill((byte)' ');
        for (var i = 0; i < Count; i++)
        {
            this[i].Format(destination.Slice(i * 4, 4));
        }
    }

    /// <summary>Reads the three slots back from 12 bytes of an AW320 record.</summary>
    public static RetourcodeSet Parse(ReadOnlySpan<byte> slots)
    {
        var set = default(RetourcodeSet);
        for (var i = 0; i + 4 <= slots.Length && i < 12; i += 4)
        {
            if (Retourcode.TryParse(slots.Slice(i, 4), out var code))
            {
                set.Add(code);
            }
        }

        return set;
    }

    public readonly bool Equals(RetourcodeSet other) =>
        _first == other._first && _second == other._second && _third == other._third;

    public override readonly bool Equals(object? obj) => obj is RetourcodeSet other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(_first, _second, _third);

    public static bool operator ==(RetourcodeSet left, RetourcodeSet right) => left.Equals(right);

    public static bool operator !=(RetourcodeSet left, RetourcodeSet right) => !left.Equals(right);

    public override readonly string ToString() => Count switch
    {
        0 => "",
        1 => this[0].ToString(),
        2 => $"{this[0]} {this[1]}",
        _ => $"{this[0]} {this[1]} {this[2]}",
    };
}
