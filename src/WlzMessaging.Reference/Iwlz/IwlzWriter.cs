using System.Globalization;
using System.Text;
using System.Xml;

namespace WlzMessaging.Reference.Iwlz;

/// <summary>
/// Writes toewijzingen as the iWlz messages that give them: per provider an AW33 with its toewijzingen, an AW35 with the
/// starts of care and an AW39 with the ends, in the structure <see cref="IwlzReader"/> checks. For the generator and tests:
/// the messages a zorgkantoor holds for these rows.
/// </summary>
public static class IwlzWriter
{
    /// <summary>Writes the messages of <paramref name="rows"/> into <paramref name="directory"/>; returns the files written.</summary>
    /// <param name="dagtekening">The date the AW33s are dated; the AW35s a day later, the AW39s two days later.</param>
    public static IReadOnlyList<string> WriteAll(string directory, IEnumerable<ToewijzingRow> rows, DateOnly dagtekening, int zorgkantoor = 5509)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var provider in rows.GroupBy(r => r.Agb).OrderBy(g => g.Key))
        {
            var list = provider.OrderBy(r => r.Toewijzingnummer).ToList();
            written.Add(Write(Path.Combine(directory, $"aw33-{provider.Key}.xml"), IwlzBerichtSoort.Aw33, provider.Key, dagtekening, zorgkantoor, list));
            var started = list.Where(r => r.ZorgBegindatum is not null).ToList();
            if (started.Count > 0)
            {
                written.Add(Write(Path.Combine(directory, $"aw35-{provider.Key}.xml"), IwlzBerichtSoort.Aw35, provider.Key, dagtekening.AddDays(1), zorgkantoor, started));
            }

            var ended = list.Where(r => r.ZorgEinddatum is not null).ToList();
            if (ended.Count > 0)
            {
                written.Add(Write(Path.Combine(directory, $"aw39-{provider.Key}.xml"), IwlzBerichtSoort.Aw39, provider.Key, dagtekening.AddDays(2), zorgkantoor, ended));
            }
        }

        return written;
    }

    /// <summary>One message of <paramref name="soort"/> about <paramref name="rows"/> (all of one provider).</summary>
    public static string Write(string path, IwlzBerichtSoort soort, int agb, DateOnly dagtekening, int zorgkantoor, IReadOnlyList<ToewijzingRow> rows)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
        Write(stream, soort, agb, dagtekening, zorgkantoor, rows);
        return path;
    }

    public static void Write(Stream stream, IwlzBerichtSoort soort, int agb, DateOnly dagtekening, int zorgkantoor, IReadOnlyList<ToewijzingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ns = IwlzReader.NamespaceOf(soort);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("Bericht", ns);
        xml.WriteStartElement("Header", ns);
        Element(xml, ns, "BerichtCode", IwlzReader.BerichtCodeOf(soort));
        Element(xml, ns, "BerichtVersie", "2");
        Element(xml, ns, "BerichtSubversie", "4");
        Element(xml, ns, soort == IwlzBerichtSoort.Aw33 ? "Afzender" : "Ontvanger", zorgkantoor.ToString("0000", CultureInfo.InvariantCulture));
        Element(xml, ns, soort == IwlzBerichtSoort.Aw33 ? "Ontvanger" : "Afzender", AgbCode.ToText(agb));
        xml.WriteStartElement("BerichtIdentificatie", ns);
        Element(xml, ns, "Identificatie", $"{soort}-{agb}-{dagtekening:yyyyMMdd}");
        Element(xml, ns, "Dagtekening", Date(dagtekening));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("Clienten", ns);
        foreach (var client in rows.GroupBy(r => (r.Bsn, soort == IwlzBerichtSoort.Aw33 ? r.Besluitnummer : 0)))
        {
            xml.WriteStartElement("Client", ns);
            Element(xml, ns, "Bsn", client.Key.Bsn.ToString("000000000", CultureInfo.InvariantCulture));
            if (soort == IwlzBerichtSoort.Aw33)
            {
                xml.WriteStartElement("Indicatie", ns);
                Element(xml, ns, "Besluitnummer", client.Key.Item2.ToString(CultureInfo.InvariantCulture));
                WriteGroup(xml, ns, soort, client.Where(r => r.Functiecode != 0), zorgkantoor, dagtekening, zzp: false);
                WriteGroup(xml, ns, soort, client.Where(r => r.Functiecode == 0), zorgkantoor, dagtekening, zzp: true);
                xml.WriteEndElement();
            }
            else
            {
                WriteGroup(xml, ns, soort, client.Where(r => r.Functiecode != 0), zorgkantoor, dagtekening, zzp: false);
                WriteGroup(xml, ns, soort, client.Where(r => r.Functiecode == 0), zorgkantoor, dagtekening, zzp: true);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteGroup(XmlWriter xml, string ns, IwlzBerichtSoort soort, IEnumerable<ToewijzingRow> rows, int zorgkantoor, DateOnly dagtekening, bool zzp)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var (group, item) = (soort, zzp) switch
        {
            (IwlzBerichtSoort.Aw33, true) => ("ToegewezenZorgzwaartepakketten", "ToegewezenZorgzwaartepakket"),
            (IwlzBerichtSoort.Aw33, false) => ("ToegewezenFuncties", "ToegewezenFunctie"),
            (IwlzBerichtSoort.Aw35, true) => ("GeleverdeZorgzwaartepakketten", "GeleverdZorgzwaartepakket"),
            (IwlzBerichtSoort.Aw35, false) => ("GeleverdeFuncties", "GeleverdeFunctie"),
            (_, true) => ("MutatieZorgzwaartepakketten", "MutatieZorgzwaartepakket"),
            _ => ("MutatieFuncties", "MutatieFunctie"),
        };
        xml.WriteStartElement(group, ns);
        foreach (var r in list)
        {
            xml.WriteStartElement(item, ns);
            Element(xml, ns, "ToewijzingNummer", r.Toewijzingnummer.ToString(CultureInfo.InvariantCulture));
            if (soort == IwlzBerichtSoort.Aw33)
            {
                Element(xml, ns, zzp ? "ZzpCode" : "FunctieCode", Code(r, zzp));
                Element(xml, ns, "Instelling", AgbCode.ToText(r.Agb));
                Element(xml, ns, "Zorgkantoor", zorgkantoor.ToString("0000", CultureInfo.InvariantCulture));
                Element(xml, ns, "Soort", "1");
                Element(xml, ns, "Toewijzingsdatum", Date(dagtekening));
                Element(xml, ns, "Toewijzingstijd", "09:00:00");
                Element(xml, ns, "Ingangsdatum", Date(r.Ingangsdatum));
                if (r.Einddatum is { } eind)
                {
                    Element(xml, ns, "Einddatum", Date(eind));
                }

                if (zzp)
                {
                    Element(xml, ns, "Leveringsvorm", IwlzLeveringsvorm.ToCode(r.Leveringsvorm));
                }
            }
            else
            {
                Element(xml, ns, "Besluitnummer", r.Besluitnummer.ToString(CultureInfo.InvariantCulture));
                Element(xml, ns, zzp ? "ZzpCode" : "FunctieCode", Code(r, zzp));
                Element(xml, ns, "ToewijzingIngangsdatum", Date(r.Ingangsdatum));
                if (soort == IwlzBerichtSoort.Aw35)
                {
                    Element(xml, ns, "Begindatum", Date(r.ZorgBegindatum!.Value));
                    Element(xml, ns, "Instelling", AgbCode.ToText(r.Agb));
                }
                else
                {
                    Element(xml, ns, "Instelling", AgbCode.ToText(r.Agb));
                    Element(xml, ns, "Mutatiecode", IwlzMutatiecode.EindeZorg);
                    Element(xml, ns, "Mutatiedatum", Date(r.ZorgEinddatum!.Value));
                }

                if (zzp)
                {
                    Element(xml, ns, "Leveringsvorm", IwlzLeveringsvorm.ToCode(r.Leveringsvorm));
                }

                Element(xml, ns, "StatusAanlevering", "1");
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Code(ToewijzingRow r, bool zzp) =>
        zzp ? r.Zzpcode.ToString("000", CultureInfo.InvariantCulture) : r.Functiecode.ToString("00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Element(XmlWriter xml, string ns, string name, string value) => xml.WriteElementString(name, ns, value);
}
