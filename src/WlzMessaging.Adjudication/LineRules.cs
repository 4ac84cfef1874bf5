namespace WlzMessaging.Adjudication;

/// <summary>
/// The line rules of specs/rules.md as bits, so an outcome can say every rule that fired, also those whose code did not fit
/// the three RETOURCODE slots. Bit n is rule L(n+1); rules added later between two of them (L01a … L12a) take the high bits
/// from 24 up, so no rule's bit changes when one is added (the catalogue's order, not the bit, says the order applied).
/// </summary>
[Flags]
public enum LineRules : uint
{
    None = 0,
    L01 = 1u << 0,
    L02 = 1u << 1,
    L03 = 1u << 2,
    L04 = 1u << 3,
    L05 = 1u << 4,
    L06 = 1u << 5,
    L07 = 1u << 6,
    L08 = 1u << 7,
    L09 = 1u << 8,
    L10 = 1u << 9,
    L11 = 1u << 10,
    L12 = 1u << 11,
    L13 = 1u << 12,
    L14 = 1u << 13,
    L15 = 1u << 14,
    L16 = 1u << 15,
    L17 = 1u << 16,
    L18 = 1u << 17,
    L19 = 1u << 18,
    L20 = 1u << 19,
    L21 = 1u << 20,
    L01a = 1u << 24,
    L01b = 1u << 25,
    L01c = 1u << 26,
    L05a = 1u << 27,
    L12a = 1u << 28,
}
