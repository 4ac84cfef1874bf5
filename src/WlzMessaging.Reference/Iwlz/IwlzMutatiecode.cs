namespace WlzMessaging.Reference.Iwlz;

/// <summary>
/// The iWlz code list of LDT_MutatieCode (XSD-iWlz, XSD/Basisschema.xsd), the reason an AW39 gives, and which of them end the
/// care this provider delivers. Only those set the toewijzing's zorg einddatum; the others say care has not started (yet).
/// </summary>
public static class IwlzMutatiecode
{
    /// <summary>Whether <paramref name="code"/> is in the code list (02 of release 2.0 included; 12, 17-21 of 2.0 and 2.2).</summary>
    public static bool IsKnown(string code) => code is "02" or "12" or "17" or "18" or "19" or "20" or "21";

    /// <summary>
    /// Whether the code ends the care the provider delivered, on the Mutatiedatum: 02 overlijden, 17 overplaatsing (the client
    /// moves to another provider, who reports its own aanvang zorg), 19 and 20 levering beëindigd (toewijzing closed or kept).
    /// Not: 12 the client does not want the care yet, 18 the provider cannot deliver it yet, 21 overdracht of a toewijzing
    /// without an aanvang zorg: none of these follows delivered care, so the opname the engine holds is left as it is.
    /// </summary>
    public static bool EndsCare(string code) => code is "02" or "17" or "19" or "20";

    /// <summary>The code the writer gives an end of care: 19, levering beëindigd and toewijzing closed.</summary>
    public const string EindeZorg = "19";
}
