using WlzMessaging.Reference;

namespace WlzMessaging.Operations;

/// <summary>
/// A stored AGB code (the database keeps a number) as every view shows it, in text and in JSON alike: the eight digits of
/// <see cref="AgbCode.ToText"/>, leading zeros kept. Null (a file not read far enough to know its provider) stays null.
/// </summary>
internal static class AgbText
{
    public static string? Of(int? agb) => agb is { } a ? AgbCode.ToText(a) : null;
}
