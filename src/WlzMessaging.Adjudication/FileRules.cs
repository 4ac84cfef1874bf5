using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication;

/// <summary>
/// The file-level rules that need a fact from outside the file (F02) or only report (R01), as pure decisions: storage asks
/// its question, these say what the answer means.
/// </summary>
public static class FileRules
{
    /// <summary>R01: working days after the end of the declared month within which a file is on time (CZ).</summary>
    public const int WerkdagenNaMaand = 17;

    /// <summary>
    /// F02: the faults that reject the file when its 0116 FACTUURNUMMER was already received from this provider in an
    /// earlier production file that was not rejected as a whole (the same invoice delivered twice): 0030, or none.
    /// </summary>
    /// <remarks>The 01 of the answer then carries 0001 and 0030, as for any file rejected as a whole.</remarks>
    public static IReadOnlyList<FileFault> Factuurnummer(bool alreadyReceived) =>
        alreadyReceived
            ? [new FileFault(RuleCatalogue.F02.Retourcode, 1, "FACTUURNUMMER was already received from this provider in an earlier file")]
            : [];

    /// <summary>
    /// R01: the file arrived more than 17 working days (Dutch public holidays excluded) after the end of the month of 0115
    /// EINDDATUM DECLARATIEPERIODE. Reported to operators and in the provider feedback; it rejects nothing. False when
    /// 0115 is not a date (the reader rejects such a file).
    /// </summary>
    public static bool IsLaat(DateOnly? einddatumDeclaratieperiode, DateOnly received) =>
        einddatumDeclaratieperiode is { } end && Werkdagen.IsLaat(end, received, WerkdagenNaMaand);
}
