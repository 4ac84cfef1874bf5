namespace WlzMessaging.Vektis;

/// <summary>
/// One value rule of the AW319 v1.4 BER that the reader checks: the field, the values it permits (as the "permitted"
/// column of specs/aw319.md writes them), the retourcode a value outside them gets, and one such value (for the test that
/// holds the reader, this list and the spec together).
/// </summary>
public sealed record FieldRule(string Field, string Permitted, Retourcode Retourcode, string Violation);
