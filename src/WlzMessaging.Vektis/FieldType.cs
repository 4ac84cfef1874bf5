namespace WlzMessaging.Vektis;

/// <summary>The two kinds of Vektis field: N (digits, right-aligned, zero-padded) and AN (text, left-aligned, space-padded).</summary>
public enum FieldType : byte
{
    N,
    AN,
}
