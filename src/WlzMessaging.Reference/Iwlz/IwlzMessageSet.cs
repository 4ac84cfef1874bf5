using System.Security.Cryptography;
using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Reference.Iwlz;

/// <summary>
/// The toewijzingen as a set of iWlz messages leaves them: every AW33, AW35 and AW39 of a directory read, then applied in the
/// order of the standard, giving one <see cref="ToewijzingRow"/> per toewijzingnummer, the same rows toewijzingen.csv holds.
/// </summary>
/// <remarks>
/// Order (specs/reference-data.md, "iWlz messages"): the versions of a toewijzing (AW33 items with its ToewijzingNummer) count
/// by Toewijzingsdatum and Toewijzingstijd, the latest wins whole; the meldingen (AW35, AW39) by their message's Dagtekening,
/// then file name, then position, a later one replacing the earlier. StatusAanlevering 3 withdraws a melding. The set is
/// taken whole: one message with a problem, or a melding about a toewijzing no AW33 of the set gives, and no row is used.
/// </remarks>
public static class IwlzMessageSet
{
    /// <summary>The name the set goes by in an import: the subdirectory of the reference directory holding the messages.</summary>
    public const string DirectoryName = "iwlz";

    /// <summary>Reads every <c>*.xml</c> of <paramref name="directory"/> (not its subdirectories), in name order.</summary>
    public static ParseResult<ToewijzingRow> Load(string directory)
    {
        var files = MessageFiles(directory);
        var problems = new List<ReferenceProblem>();
        var berichten = new List<IwlzBericht>(files.Count);
        foreach (var file in files)
        {
            if (IwlzReader.Read(file, DirectoryName + "/" + Path.GetFileName(file), problems) is { } bericht)
            {
                berichten.Add(bericht);
            }
        }

        if (files.Count == 0)
        {
            problems.Add(new ReferenceProblem(DirectoryName, 0, "directory", "holds no .xml message"));
        }

        return Apply(berichten, problems);
    }

    /// <summary>The message files of the set, in the order they are read.</summary>
    public static IReadOnlyList<string> MessageFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.xml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray();

    /// <summary>One SHA-256 over every message's name and bytes: an import of the same set again changes nothing.</summary>
    public static byte[] Hash(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in MessageFiles(directory))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Applies messages already read; <paramref name="problems"/> holds what their reading found.</summary>
    public static ParseResult<ToewijzingRow> Apply(IReadOnlyList<IwlzBericht> berichten, List<ReferenceProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(berichten);
        ArgumentNullException.ThrowIfNull(problems);

        // The toewijzingen: per number the latest version by the moment the zorgkantoor fixed it.
        var toewijzingen = new Dictionary<long, (IwlzItem Item, string File)>();
        foreach (var bericht in berichten.Where(b => b.Soort == IwlzBerichtSoort.Aw33))
        {
            foreach (var item in bericht.Items)
            {
                if (!toewijzingen.TryGetValue(item.Toewijzingnummer, out var held) || item.Toewijzingsmoment >= held.Item.Toewijzingsmoment)
                {
                    toewijzingen[item.Toewijzingnummer] = (item, bericht.File);
                }
            }
        }

        var begin = new Dictionary<long, DateOnly?>();
        var einde = new Dictionary<long, DateOnly?>();
        var meldingen = berichten
            .Where(b => b.Soort != IwlzBerichtSoort.Aw33)
            .OrderBy(b => b.Dagtekening)
            .ThenBy(b => b.File, StringComparer.Ordinal);
        foreach (var bericht in meldingen)
        {
            foreach (var item in bericht.Items)
            {
                if (!toewijzingen.TryGetValue(item.Toewijzingnummer, out var toewijzing))
                {
                    problems.Add(new ReferenceProblem(bericht.File, item.Line, "ToewijzingNummer", $"no AW33 of the set gives toewijzing {item.Toewijzingnummer}"));
                    continue;
                }

                if (toewijzing.Item.Agb != item.Agb || toewijzing.Item.Bsn != item.Bsn)
                {
                    problems.Add(new ReferenceProblem(bericht.File, item.Line, "Instelling",
                        $"toewijzing {item.Toewijzingnummer} was given to another client or provider"));
                    continue;
                }

                if (bericht.Soort == IwlzBerichtSoort.Aw39 && !item.EindeZorg)
                {
                    continue; // a mutatie that follows no delivered care (Mutatiecode 12, 18, 21) leaves the opname as it is
                }

                var target = bericht.Soort == IwlzBerichtSoort.Aw35 ? begin : einde;
                target[item.Toewijzingnummer] = item.StatusAanlevering == 3 ? null : item.Datum;
            }
        }

        var rows = new List<ToewijzingRow>(toewijzingen.Count);
        foreach (var (nummer, (t, file)) in toewijzingen.OrderBy(t => t.Key))
        {
            var zorgBegin = begin.GetValueOrDefault(nummer);
            var zorgEinde = einde.GetValueOrDefault(nummer);
            if (zorgEinde is not null && (zorgBegin is null || zorgEinde < zorgBegin))
            {
                problems.Add(new ReferenceProblem(file, t.Line, "Mutatiedatum",
                    $"toewijzing {nummer}: the end of care lies before its start, or care never started"));
                continue;
            }

            rows.Add(new ToewijzingRow(t.Bsn, t.Besluitnummer, nummer, t.Zzpcode, t.Functiecode, t.Leveringsvorm, t.Agb, t.Ingangsdatum, t.Einddatum,
                zorgBegin, zorgEinde));
        }

        var kept = problems.Take(ReferenceCsvParser<ToewijzingRow>.MaxProblemsKept).ToArray();
        return new ParseResult<ToewijzingRow>(DirectoryName, rows, kept, problems.Count);
    }
}
