using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WlzMessaging.Ingestion.Processing;

/// <summary>
/// The names the mailbox makes from an input's name: its AW320, its archived copy, its quarantined copy and reason. Each fits
/// in a file name of <see cref="NameMax"/> bytes (Linux NAME_MAX) with every decoration added to it on the way (a hidden
/// temporary name, an id prefix, a number): an input's name may already be 255 bytes long. A name too long is shortened
/// and gets <c>~</c> and a hash of the whole name, so two long names that start alike still get two names.
/// </summary>
public static class MailboxNames
{
    /// <summary>The longest file name Linux file systems take, in bytes (UTF-8).</summary>
    public const int NameMax = 255;

    /// <summary>
    /// An answer's name at most this long leaves room for its kept copy's temporary name (<c>.{id}-{name}.tmp</c>, an id of
    /// up to 19 digits) and its own (<c>.{name}.tmp</c>).
    /// </summary>
    public const int AnswerMax = NameMax - 25;

    /// <summary>A quarantined name at most this long leaves room for a number (<c>.123456</c>) and <c>.reason.txt</c>.</summary>
    public const int QuarantineMax = NameMax - 7 - 11;

    /// <summary>
    /// The names an input's AW320 may have, in the order they are tried: its base name with <c>.aw320</c> (jan.aw319 gives
    /// jan.aw320); when that is another file's answer already, the base name with the first 8 hex digits of the input's
    /// SHA-256 (<c>jan-1a2b3c4d.aw320</c>); and, should even that be taken, with all 64.
    /// </summary>
    public static IReadOnlyList<string> AnswerCandidates(string inputName, ReadOnlySpan<byte> sha256)
    {
        var stem = Path.GetFileNameWithoutExtension(inputName);
        var hash = Convert.ToHexStringLower(sha256);
        return
        [
            Fit(stem, ".aw320", AnswerMax),
            Fit(stem, $"-{hash[..8]}.aw320", AnswerMax),
            Fit(stem, $"-{hash}.aw320", AnswerMax),
        ];
    }

    /// <summary>The name of an answered input, or of its kept AW320, in the archive: <c>{id:D8}-{name}</c> (room left for <c>.{name}.tmp</c>).</summary>
    public static string Archived(long fileId, string name)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{fileId:D8}-");
        var extension = Extension(name);
        return prefix + Fit(name[..^extension.Length], extension, NameMax - 5 - prefix.Length);
    }

    /// <summary>The name an input gets in quarantine (before a number is added when it is taken).</summary>
    public static string Quarantined(string name)
    {
        var extension = Extension(name);
        return Fit(name[..^extension.Length], extension, QuarantineMax);
    }

    /// <summary>
    /// <paramref name="stem"/> + <paramref name="suffix"/> when it fits in <paramref name="maxBytes"/> bytes; else the stem cut
    /// (never inside a character) and followed by <c>~</c> and 8 hex digits of the SHA-256 of the whole name.
    /// </summary>
    public static string Fit(string stem, string suffix, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(suffix);
        var whole = stem + suffix;
        if (Encoding.UTF8.GetByteCount(whole) <= maxBytes)
        {
            return whole;
        }

        var mark = "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(whole)))[..8];
        var budget = maxBytes - Encoding.UTF8.GetByteCount(suffix) - mark.Length;
        var kept = new StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            kept.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }

        return kept + mark + suffix;
    }

    /// <summary>A short extension (<c>.aw319</c>) kept whole when a name is cut; a long one is part of the name.</summary>
    private static string Extension(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length is > 0 and <= 16 ? extension : "";
    }
}
