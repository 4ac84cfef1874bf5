namespace WlzMessaging.Vektis;

/// <summary>
/// One field of a Vektis record as the standard defines it: its code (e.g. 0417), name, 1-based start, length, type and
/// use (M mandatory, C conditional, O optional, '-' for reserve). <see cref="FaultCode"/> is the retourcode the reader
/// gives when an N field holds anything but digits (see specs/retourcodes.md for the choices).
/// </summary>
public readonly record struct FieldSpec(
    string Code,
    string Name,
    int Start,
    int Length,
    FieldType Type,
    char Use,
    Retourcode FaultCode = default)
{
    /// <summary>0-based offset into the record.</summary>
    public int Offset => Start - 1;

    /// <summary>1-based last position.</summary>
    public int End => Start + Length - 1;

    public bool IsReserve => Use == '-';

    public ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> record) => record.Slice(Start - 1, Length);
}
