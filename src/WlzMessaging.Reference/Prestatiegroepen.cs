namespace WlzMessaging.Reference;

/// <summary>What the koppeltabel's prestatiegroep (column J of the published table) says about a prestatie.</summary>
public static class Prestatiegroepen
{
    /// <summary>
    /// True for a prestatiegroep whose prestaties need a toewijzing with leveringsvorm verblijf and an active opname: 13, 17,
    /// 20 and 34 to 37, as zorgkantoren publish them when they explain retourcode 0551 (VGZ).
    /// </summary>
    public static bool NeedsVerblijf(int? prestatiegroep) => prestatiegroep is 13 or 17 or 20 or (>= 34 and <= 37);
}
