using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication;

/// <summary>
/// Rules L20 (0551) and L21 (0553) of specs/rules.md: coverage per toewijzing, as zorgkantoren check it when the iWlz
/// toewijzingen are known. Pure and allocation-free: a client's toewijzingen are a span of the snapshot.
/// </summary>
public static class ToewijzingRules
{
    /// <summary>
    /// True for a prestatie of a prestatiegroep that needs a toewijzing with leveringsvorm verblijf (the koppeltabel's column J:
    /// 13, 17, 20 and 34 to 37, as VGZ publishes them for 0551).
    /// </summary>
    public static bool IsVerblijfPrestatiegroep(int? prestatiegroep) => Prestatiegroepen.NeedsVerblijf(prestatiegroep);

    /// <summary>
    /// L20: true (0551) when no toewijzing of the client with leveringsvorm verblijf, given to provider <paramref name="agb"/>,
    /// is valid on every day of the line, with the client opgenomen under it on every day (care started, not ended).
    /// </summary>
    public static bool GeenMachtiging(ReadOnlySpan<Toewijzing> toewijzingen, int agb, DateOnly begin, DateOnly end)
    {
        foreach (var t in toewijzingen)
        {
            if (t.Agb == agb && t.Leveringsvorm == Leveringsvorm.Verblijf && t.IsValidOver(begin, end) && t.HasOpnameOver(begin, end))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// L21: true (0553) when the line's ZZP has no toewijzing valid on every day of the line, or each one that is was given to
    /// another provider, or none of this provider's fits the prestatie's leveringsvorm (<see cref="Fits"/>).
    /// </summary>
    public static bool BuitenGemachtigdePeriode(
        ReadOnlySpan<Toewijzing> toewijzingen, int agb, int zzpcode, PrestatieCode prestatie, int? prestatiegroep, DateOnly begin, DateOnly end)
    {
        foreach (var t in toewijzingen)
        {
            if (t.Zzpcode == zzpcode && t.Agb == agb && t.IsValidOver(begin, end) && Fits(t.Leveringsvorm, prestatie, prestatiegroep))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a prestatie may be declared under a toewijzing of this leveringsvorm: a Z-prestatie (ZZP with verblijf) or one
    /// of a verblijf prestatiegroep only under verblijf, a V-prestatie (VPT) only under VPT; other prestaties under any.
    /// </summary>
    public static bool Fits(Leveringsvorm leveringsvorm, PrestatieCode prestatie, int? prestatiegroep)
    {
        var first = prestatie.FirstLetter;
        if (first == 'Z' || IsVerblijfPrestatiegroep(prestatiegroep))
        {
            return leveringsvorm == Leveringsvorm.Verblijf;
        }

        return first != 'V' || leveringsvorm == Leveringsvorm.Vpt;
    }
}
