namespace WlzMessaging.Reference.Iwlz;

/// <summary>
/// The iWlz code list of LDT_Leveringsvorm (XSD-iWlz, XSD/Basisschema.xsd) and how it maps onto the engine's
/// <see cref="Leveringsvorm"/>. The iWlz codes are not the engine's numbers: 2 PGB, 4 verblijf, 5 VPT, 7 MPT, and from
/// release 2.2 also 8 deeltijdverblijf (DTV) and 9 verkeerde bed (VKB), which the engine keeps as <see cref="Leveringsvorm.Overig"/>.
/// </summary>
public static class IwlzLeveringsvorm
{
    /// <summary>The engine's leveringsvorm of an iWlz code, or null when the code is not in the list.</summary>
    public static Leveringsvorm? FromCode(string code) => code switch
    {
        "2" => Leveringsvorm.Pgb,
        "4" => Leveringsvorm.Verblijf,
        "5" => Leveringsvorm.Vpt,
        "7" => Leveringsvorm.Mpt,
        "8" or "9" => Leveringsvorm.Overig, // DTV and VKB: neither verblijf nor a package at home for the checks
        _ => null,
    };

    /// <summary>The iWlz code written for a leveringsvorm; <see cref="Leveringsvorm.Overig"/> is written as 8 (DTV).</summary>
    public static string ToCode(Leveringsvorm leveringsvorm) => leveringsvorm switch
    {
        Leveringsvorm.Pgb => "2",
        Leveringsvorm.Verblijf => "4",
        Leveringsvorm.Vpt => "5",
        Leveringsvorm.Mpt => "7",
        Leveringsvorm.Overig => "8",
        _ => throw new ArgumentOutOfRangeException(nameof(leveringsvorm), leveringsvorm, "not a leveringsvorm"),
    };
}
