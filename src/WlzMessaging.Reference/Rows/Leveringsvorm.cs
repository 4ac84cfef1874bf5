namespace WlzMessaging.Reference;

/// <summary>
/// How Wlz care is delivered under a toewijzing (iWlz element <c>Leveringsvorm</c>). The numbers are the codes the iWlz
/// messages carry; the engine uses only whether a toewijzing is verblijf or VPT (rules 0551 and 0553).
/// </summary>
public enum Leveringsvorm
{
    /// <summary>Zorg met verblijf in een instelling.</summary>
    Verblijf = 1,

    /// <summary>Volledig pakket thuis.</summary>
    Vpt = 2,

    /// <summary>Modulair pakket thuis.</summary>
    Mpt = 3,

    /// <summary>Persoonsgebonden budget.</summary>
    Pgb = 4,

    /// <summary>Any other form the code list has (the engine does not distinguish further).</summary>
    Overig = 5,
}
