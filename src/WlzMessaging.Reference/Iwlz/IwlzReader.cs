using System.Globalization;
using System.Xml;
using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Reference.Iwlz;

/// <summary>
/// Reads one iWlz AW33, AW35 or AW39 message (release 2.4) with a streaming <see cref="XmlReader"/>, checking it against the
/// structure of specs/reference-data.md ("iWlz messages"): the root <c>Bericht</c> in the message's namespace, the header's
/// BerichtCode and Dagtekening, per client a valid Bsn, and per toewijzing item its required elements, no unknown or repeated
/// element, and each value in its format. A message with any problem gives no items: each problem names the file, the line,
/// the element and the reason, never a BSN.
/// </summary>
public static class IwlzReader
{
    private const string NamespacePrefix = "http://www.istandaarden.nl/iwlz/2_4/";

    public static string NamespaceOf(IwlzBerichtSoort soort) => NamespacePrefix + soort.ToString().ToLowerInvariant() + "/schema";

    /// <summary>The BerichtCode each message carries in its header.</summary>
    public static string BerichtCodeOf(IwlzBerichtSoort soort) => soort switch
    {
        IwlzBerichtSoort.Aw33 => "352",
        IwlzBerichtSoort.Aw35 => "354",
        _ => "358",
    };

    // Per item element: the children it must have, and those it may have (the schema's other elements, read over).
    private sealed record ItemShape(IwlzBerichtSoort Soort, bool Zzp, string[] Required, string[] Optional);

    private static readonly Dictionary<string, ItemShape> s_items = new(StringComparer.Ordinal)
    {
        ["ToegewezenZorgzwaartepakket"] = new(IwlzBerichtSoort.Aw33, true,
            ["ToewijzingNummer", "ZzpCode", "Zorgkantoor", "Soort", "Toewijzingsdatum", "Toewijzingstijd", "Ingangsdatum", "Leveringsvorm"],
            ["Instelling", "ToewijzingPercentage", "Einddatum", "RedenIntrekking", "Etmalen", "Klasse", "InstellingBestemming", "Dossierhouder",
                "CoordinatorZorgThuis", "Opname"]),
        ["ToegewezenFunctie"] = new(IwlzBerichtSoort.Aw33, false,
            ["ToewijzingNummer", "FunctieCode", "Instelling", "Zorgkantoor", "Soort", "Toewijzingsdatum", "Toewijzingstijd", "Ingangsdatum"],
            ["Einddatum", "RedenIntrekking", "Klasse", "Opslag", "Vervoer", "InstellingBestemming"]),
        ["GeleverdZorgzwaartepakket"] = new(IwlzBerichtSoort.Aw35, true,
            ["ToewijzingNummer", "Besluitnummer", "ZzpCode", "ToewijzingIngangsdatum", "Begindatum", "Instelling", "Leveringsvorm", "StatusAanlevering"],
            ["Sleuteldatum", "Etmalen", "Klasse", "Leveringsstatus", "Behandeling"]),
        ["GeleverdeFunctie"] = new(IwlzBerichtSoort.Aw35, false,
            ["ToewijzingNummer", "Besluitnummer", "FunctieCode", "ToewijzingIngangsdatum", "Begindatum", "Instelling", "StatusAanlevering"],
            ["Klasse", "Opslag"]),
        ["MutatieZorgzwaartepakket"] = new(IwlzBerichtSoort.Aw39, true,
            ["ToewijzingNummer", "Besluitnummer", "ZzpCode", "ToewijzingIngangsdatum", "Instelling", "Mutatiecode", "Mutatiedatum", "Leveringsvorm",
                "StatusAanlevering"],
            ["Begindatum", "Leveringsstatus", "LeveringsstatusClassificatie", "InstellingBestemming"]),
        ["MutatieFunctie"] = new(IwlzBerichtSoort.Aw39, false,
            ["ToewijzingNummer", "Besluitnummer", "FunctieCode", "ToewijzingIngangsdatum", "Instelling", "Mutatiecode", "Mutatiedatum", "StatusAanlevering"],
            ["Begindatum", "InstellingBestemming"]),
    };

    // Elements that hold item elements (read into) rather than being read over.
    private static readonly HashSet<string> s_containers = new(StringComparer.Ordinal)
    {
        "Indicatie", "ToegewezenZorgzwaartepakketten", "ToegewezenFuncties", "GeleverdeZorgzwaartepakketten", "GeleverdeFuncties",
        "MutatieZorgzwaartepakketten", "MutatieFuncties",
    };

    /// <summary>Reads the message at <paramref name="path"/>, naming it <paramref name="name"/> in problems.</summary>
    public static IwlzBericht? Read(string path, string name, List<ReferenceProblem> problems)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        return Read(stream, name, problems);
    }

    /// <summary>Reads one message; returns null and adds its problems when it does not match the structure.</summary>
    public static IwlzBericht? Read(Stream stream, string name, List<ReferenceProblem> problems)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            XmlResolver = null,
        };
        var before = problems.Count;
        var context = new Context(name, problems);
        try
        {
            using var xml = XmlReader.Create(stream, settings);
            context.Xml = xml;
            var bericht = ReadBericht(xml, context);
            return problems.Count == before ? bericht : null;
        }
        catch (XmlException e)
        {
            // The parser's own message may quote a token of the file (a BSN, even): only its position is shown.
            problems.Add(new ReferenceProblem(name, e.LineNumber, "xml", $"not well-formed XML (at position {e.LinePosition})"));
            return null;
        }
    }

    private sealed class Context(string file, List<ReferenceProblem> problems)
    {
        public XmlReader Xml { get; set; } = null!;

        public string File => file;

        public void Problem(string element, string reason) => problems.Add(new ReferenceProblem(file, Line, element, reason));

        public int Line => Xml is IXmlLineInfo info ? info.LineNumber : 0;
    }

    private static IwlzBericht? ReadBericht(XmlReader xml, Context context)
    {
        xml.MoveToContent();
        IwlzBerichtSoort? soort = null;
        foreach (var candidate in Enum.GetValues<IwlzBerichtSoort>())
        {
            if (xml.NamespaceURI == NamespaceOf(candidate))
            {
                soort = candidate;
            }
        }

        if (xml.LocalName != "Bericht" || soort is null)
        {
            context.Problem(xml.LocalName, "not an iWlz 2.4 AW33, AW35 or AW39 message (root Bericht in the namespace of one of them)");
            return null;
        }

        var ns = xml.NamespaceURI;
        DateOnly? dagtekening = null;
        var items = new List<IwlzItem>();
        var sawHeader = false;
        var sawClienten = false;
        if (xml.IsEmptyElement)
        {
            context.Problem("Bericht", "empty");
            return null;
        }

        xml.Read();
        while (xml.NodeType != XmlNodeType.EndElement)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                context.Problem("Bericht", "text where elements are expected");
                xml.Skip();
                continue;
            }

            if (xml.NamespaceURI != ns)
            {
                context.Problem(xml.LocalName, "element in another namespace than the message's");
                xml.Skip();
            }
            else if (xml.LocalName == "Header" && !sawHeader && !sawClienten)
            {
                sawHeader = true;
                dagtekening = ReadHeader(xml, context, soort.Value);
            }
            else if (xml.LocalName == "Clienten" && sawHeader && !sawClienten)
            {
                sawClienten = true;
                ReadClienten(xml, context, soort.Value, items);
            }
            else
            {
                context.Problem("Bericht/" + xml.LocalName, "unexpected element (Bericht holds Header, then Clienten)");
                xml.Skip();
            }
        }

        if (!sawHeader || !sawClienten)
        {
            context.Problem("Bericht", sawHeader ? "Clienten missing" : "Header missing");
        }

        return dagtekening is { } d ? new IwlzBericht(context.File, soort.Value, d, items) : null;
    }

    private static DateOnly? ReadHeader(XmlReader xml, Context context, IwlzBerichtSoort soort)
    {
        string? code = null;
        DateOnly? dagtekening = null;
        ReadChildren(xml, () =>
        {
            switch (xml.LocalName)
            {
                case "BerichtCode":
                    code = xml.ReadElementContentAsString();
                    return;
                case "BerichtIdentificatie":
                    ReadChildren(xml, () =>
                    {
                        if (xml.LocalName == "Dagtekening")
                        {
                            dagtekening = ParseDate(xml.ReadElementContentAsString(), "Header/BerichtIdentificatie/Dagtekening", context);
                        }
                        else
                        {
                            xml.Skip();
                        }
                    });
                    return;
                default:
                    xml.Skip();
                    return;
            }
        });

        if (code != BerichtCodeOf(soort))
        {
            context.Problem("Header/BerichtCode", code is null ? "missing" : $"is {Cut(code)}, an {soort} carries {BerichtCodeOf(soort)}");
        }

        if (dagtekening is null)
        {
            context.Problem("Header/BerichtIdentificatie/Dagtekening", "missing or not a date");
        }

        return dagtekening;
    }

    private static void ReadClienten(XmlReader xml, Context context, IwlzBerichtSoort soort, List<IwlzItem> items)
    {
        var clients = 0;
        ReadChildren(xml, () =>
        {
            if (xml.LocalName != "Client")
            {
                context.Problem("Clienten/" + xml.LocalName, "unexpected element (Clienten holds Client)");
                xml.Skip();
                return;
            }

            clients++;
            ReadClient(xml, context, soort, items);
        });

        if (clients == 0)
        {
            context.Problem("Clienten", "no Client");
        }
    }

    private static void ReadClient(XmlReader xml, Context context, IwlzBerichtSoort soort, List<IwlzItem> items)
    {
        int? bsn = null;
        long? besluitnummer = null;
        var first = true;
        var pending = new List<Dictionary<string, string>>();
        var pendingShapes = new List<(ItemShape Shape, int Line)>();
        ReadChildren(xml, () =>
        {
            if (first && xml.LocalName != "Bsn")
            {
                context.Problem("Client/" + xml.LocalName, "unexpected element (a Client starts with Bsn)");
            }

            first = false;
            if (xml.LocalName == "Bsn")
            {
                // Never echoed: the reason says what is wrong, not what was there.
                var text = xml.ReadElementContentAsString();
                if (text.Length != 9 || !text.All(char.IsAsciiDigit) || !Elfproef.IsValidBsn(int.Parse(text, CultureInfo.InvariantCulture)))
                {
                    context.Problem("Client/Bsn", "not a BSN (9 digits passing the elfproef)");
                }
                else
                {
                    bsn = int.Parse(text, CultureInfo.InvariantCulture);
                }
            }
            else
            {
                ReadContainer(xml, context, soort, pending, pendingShapes, ref besluitnummer);
            }
        });

        if (bsn is null)
        {
            if (first)
            {
                context.Problem("Client/Bsn", "missing");
            }

            return;
        }

        for (var i = 0; i < pending.Count; i++)
        {
            if (ToItem(pending[i], pendingShapes[i].Shape, bsn.Value, besluitnummer, pendingShapes[i].Line, context) is { } item)
            {
                items.Add(item);
            }
        }
    }

    private static void ReadContainer(
        XmlReader xml,
        Context context,
        IwlzBerichtSoort soort,
        List<Dictionary<string, string>> pending,
        List<(ItemShape, int)> shapes,
        ref long? besluitnummer)
    {
        var name = xml.LocalName;
        if (s_items.TryGetValue(name, out var shape))
        {
            if (shape.Soort != soort)
            {
                context.Problem(name, $"not an element of an {soort}");
                xml.Skip();
                return;
            }

            var line = context.Line;
            pending.Add(ReadItem(xml, context, name, shape));
            shapes.Add((shape, line));
            return;
        }

        if (name == "Besluitnummer" && soort == IwlzBerichtSoort.Aw33)
        {
            besluitnummer = ParseNumber(xml.ReadElementContentAsString(), "Indicatie/Besluitnummer", context);
            return;
        }

        if (!s_containers.Contains(name))
        {
            xml.Skip(); // personal data and indication details the engine does not keep
            return;
        }

        long? inner = besluitnummer;
        ReadChildren(xml, () => ReadContainer(xml, context, soort, pending, shapes, ref inner));
        besluitnummer = inner;
    }

    private static Dictionary<string, string> ReadItem(XmlReader xml, Context context, string name, ItemShape shape)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadChildren(xml, () =>
        {
            var child = xml.LocalName;
            if (!shape.Required.Contains(child) && !shape.Optional.Contains(child))
            {
                context.Problem($"{name}/{child}", "unexpected element");
                xml.Skip();
                return;
            }

            if (values.ContainsKey(child))
            {
                context.Problem($"{name}/{child}", "occurs twice");
                xml.Skip();
                return;
            }

            values[child] = xml.ReadElementContentAsString();
        });

        foreach (var required in shape.Required)
        {
            if (!values.ContainsKey(required))
            {
                context.Problem($"{name}/{required}", "missing");
            }
        }

        values["#"] = name;
        return values;
    }

    private static IwlzItem? ToItem(Dictionary<string, string> v, ItemShape shape, int bsn, long? besluitnummer, int line, Context context)
    {
        var name = v["#"];
        if (shape.Required.Any(r => !v.ContainsKey(r)))
        {
            return null; // reported
        }

        var errors = 0;
        T Check<T>(T? value)
            where T : struct
        {
            if (value is null)
            {
                errors++;
            }

            return value.GetValueOrDefault();
        }

        string Path(string element) => $"{name}/{element}";
        var nummer = Check(ParseNumber(v["ToewijzingNummer"], Path("ToewijzingNummer"), context));
        var zzp = shape.Zzp ? Check(ParseDigits(v["ZzpCode"], 3, Path("ZzpCode"), context)) : 0;
        var functie = shape.Zzp ? 0 : Check(ParseDigits(v["FunctieCode"], 2, Path("FunctieCode"), context));
        var agb = v.TryGetValue("Instelling", out var instelling) ? Check(ParseDigits(instelling, 8, Path("Instelling"), context)) : 0;
        var leveringsvorm = v.TryGetValue("Leveringsvorm", out var vorm)
            ? Check(ParseLeveringsvorm(vorm, Path("Leveringsvorm"), context))
            : Leveringsvorm.Mpt; // a functie is modular care at home; its item carries no Leveringsvorm
        long besluit;
        DateOnly ingang;
        DateOnly? einde = null;
        var moment = default(DateTime);
        var datum = default(DateOnly);
        var status = 0;
        var eindeZorg = false;
        if (shape.Soort == IwlzBerichtSoort.Aw33)
        {
            besluit = besluitnummer ?? 0;
            if (besluitnummer is null)
            {
                context.Problem("Indicatie/Besluitnummer", "missing before the toewijzingen");
                errors++;
            }

            ingang = Check(ParseDate(v["Ingangsdatum"], Path("Ingangsdatum"), context));
            if (v.TryGetValue("Einddatum", out var eind))
            {
                einde = Check(ParseDate(eind, Path("Einddatum"), context));
            }

            var dag = Check(ParseDate(v["Toewijzingsdatum"], Path("Toewijzingsdatum"), context));
            var tijd = Check(ParseTime(v["Toewijzingstijd"], Path("Toewijzingstijd"), context));
            moment = dag.ToDateTime(tijd);
            if (errors == 0 && einde < ingang)
            {
                context.Problem(Path("Einddatum"), "before Ingangsdatum");
                errors++;
            }
        }
        else
        {
            besluit = Check(ParseNumber(v["Besluitnummer"], Path("Besluitnummer"), context));
            ingang = Check(ParseDate(v["ToewijzingIngangsdatum"], Path("ToewijzingIngangsdatum"), context));
            datum = Check(ParseDate(v[shape.Soort == IwlzBerichtSoort.Aw35 ? "Begindatum" : "Mutatiedatum"],
                Path(shape.Soort == IwlzBerichtSoort.Aw35 ? "Begindatum" : "Mutatiedatum"), context));
            status = Check(ParseDigits(v["StatusAanlevering"], 1, Path("StatusAanlevering"), context));
            if (status is < 1 or > 3 && errors == 0)
            {
                context.Problem(Path("StatusAanlevering"), "not 1, 2 or 3");
                errors++;
            }

            if (shape.Soort == IwlzBerichtSoort.Aw39)
            {
                var code = v["Mutatiecode"];
                if (IwlzMutatiecode.IsKnown(code))
                {
                    eindeZorg = IwlzMutatiecode.EndsCare(code);
                }
                else
                {
                    context.Problem(Path("Mutatiecode"), $"not a code of LDT_MutatieCode (02, 12, 17-21): \"{Cut(code)}\"");
                    errors++;
                }
            }
        }

        return errors > 0
            ? null
            : new IwlzItem(nummer, bsn, besluit, zzp, functie, leveringsvorm, agb, ingang, einde, moment, datum, status, line, eindeZorg);
    }

    // Calls read for each child element of the current element and leaves the reader after its end tag.
    private static void ReadChildren(XmlReader xml, Action read)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }

        xml.Read();
        while (xml.NodeType != XmlNodeType.EndElement && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                read();
            }
            else
            {
                xml.Read();
            }
        }

        xml.Read();
    }

    private static DateOnly? ParseDate(string text, string element, Context context)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        context.Problem(element, $"not a date yyyy-mm-dd: \"{Cut(text)}\"");
        return null;
    }

    private static TimeOnly? ParseTime(string text, string element, Context context)
    {
        if (TimeOnly.TryParseExact(text, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        context.Problem(element, $"not a time hh:mm:ss: \"{Cut(text)}\"");
        return null;
    }

    private static long? ParseNumber(string text, string element, Context context)
    {
        if (text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit))
        {
            return long.Parse(text, CultureInfo.InvariantCulture);
        }

        context.Problem(element, $"not a number of 1-18 digits: \"{Cut(text)}\"");
        return null;
    }

    private static int? ParseDigits(string text, int digits, string element, Context context)
    {
        if (text.Length == digits && text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        context.Problem(element, $"not {digits} digits: \"{Cut(text)}\"");
        return null;
    }

    // The iWlz codes (LDT_Leveringsvorm) are not the engine's numbers: IwlzLeveringsvorm maps them.
    private static Leveringsvorm? ParseLeveringsvorm(string text, string element, Context context)
    {
        if (IwlzLeveringsvorm.FromCode(text) is { } leveringsvorm)
        {
            return leveringsvorm;
        }

        context.Problem(element, $"not a code of LDT_Leveringsvorm (2, 4, 5, 7, 8, 9): \"{Cut(text)}\"");
        return null;
    }

    private static string Cut(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
