using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using WlzMessaging.Reference;

namespace WlzMessaging.Funding;

/// <summary>
/// Reads a protocol file (JSON, specs/funding.md "The protocol file") and checks every value: a file is either wholly right
/// or refused with every error named by file, JSON path and reason. Reads text, never the file system: the host reads files.
/// </summary>
/// <remarks>
/// JSON, not YAML: System.Text.Json ships with .NET, so the format needs no package; comments (<c>//</c>) and trailing
/// commas are allowed so a protocol can say where each number comes from.
/// </remarks>
public static partial class AdvanceProtocolReader
{
    private const string ResourceName = "WlzMessaging.Funding.Protocols.vgz-wlz-2024.json";

    private static readonly string[] Properties =
        ["protocol", "version", "zorgkantoor", "year", "uzovi", "regimes", "werkvoorschot", "productionRuns", "cap", "exempt", "mndp", "cutoff", "settlement"];

    private static readonly Lazy<AdvanceProtocol> Vgz2024Protocol = new(ReadShipped);

    /// <summary>The VGZ Bevoorschottingsprotocol Wlz 2024, the default: shipped inside this assembly.</summary>
    public static AdvanceProtocol Vgz2024 => Vgz2024Protocol.Value;

    /// <summary>The shipped file's bytes, to write out as a starting point for a new year.</summary>
    public static byte[] ShippedBytes()
    {
        using var stream = typeof(AdvanceProtocolReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly lacks its resource {ResourceName}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads one protocol. <paramref name="file"/> names the file in errors.</summary>
    /// <exception cref="ProtocolFileException">Every error of the file.</exception>
    public static AdvanceProtocol Read(string file, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var errors = new List<ProtocolError>();
        var protocol = TryRead(file, utf8, errors);
        if (protocol is null || errors.Count > 0)
        {
            throw new ProtocolFileException(errors);
        }

        return protocol;
    }

    /// <summary>Reads several protocol files into one book; every error of every file is reported at once.</summary>
    /// <exception cref="ProtocolFileException">Every error of every file, and years covered twice.</exception>
    public static ProtocolBook ReadBook(IEnumerable<(string File, byte[] Utf8)> files) => ReadBook(files, uzovi: null, source: "(protocols)");

    /// <summary>
    /// Reads several protocol files into one book, keeping only the protocols that cover <paramref name="uzovi"/> (all when
    /// it is null): a directory may hold the protocols of several zorgkantoren. <paramref name="source"/> names the
    /// directory in the error when no protocol covers the UZOVI code.
    /// </summary>
    /// <exception cref="ProtocolFileException">Every error of every file (also of files for another UZOVI), years covered
    /// twice among the protocols kept, and no protocol covering <paramref name="uzovi"/>.</exception>
    public static ProtocolBook ReadBook(IEnumerable<(string File, byte[] Utf8)> files, int? uzovi, string source)
    {
        var errors = new List<ProtocolError>();
        var protocols = new List<(string File, AdvanceProtocol Protocol)>();
        foreach (var (file, utf8) in files)
        {
            var before = errors.Count;
            var protocol = TryRead(file, utf8, errors);
            if (protocol is not null && errors.Count == before)
            {
                protocols.Add((file, protocol));
            }
        }

        if (uzovi is { } code && errors.Count == 0 && protocols.Count > 0)
        {
            var covered = protocols.SelectMany(p => p.Protocol.UzoviCodes).Distinct().Order().ToArray();
            protocols.RemoveAll(p => !p.Protocol.UzoviCodes.Contains(code));
            if (protocols.Count == 0)
            {
                errors.Add(new ProtocolError(
                    source,
                    "$.uzovi",
                    $"no protocol covers UZOVI {code:D4} (the files cover {string.Join(", ", covered.Select(c => c.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)))})"));
            }
        }

        foreach (var year in protocols.GroupBy(p => p.Protocol.Year).Where(g => g.Count() > 1))
        {
            var names = year.Select(p => p.File).ToArray();
            errors.Add(new ProtocolError(names[^1], "$.year", $"{year.Key} is covered by {string.Join(" and ", names)} too: one protocol per year"));
        }

        if (errors.Count == 0 && protocols.Count == 0)
        {
            errors.Add(new ProtocolError(source, "$", "no protocol file"));
        }

        if (errors.Count > 0)
        {
            throw new ProtocolFileException(errors);
        }

        return new ProtocolBook(protocols.Select(p => p.Protocol));
    }

    private static AdvanceProtocol ReadShipped() => Read("vgz-wlz-2024.json (shipped)", ShippedBytes());

    private static AdvanceProtocol? TryRead(string file, byte[] utf8, List<ProtocolError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors.Add(new ProtocolError(file, "$", $"not JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}"));
            return null;
        }

        using (document)
        {
            var reading = new Reading(file, errors);
            var protocol = reading.Protocol(document.RootElement);
            return protocol is null ? null : protocol with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(utf8)) };
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z0-9]{1,6}$")]
    private static partial Regex PrestatiePattern();

    /// <summary>One file's reading: every value checked, every error kept with its path.</summary>
    private sealed class Reading(string file, List<ProtocolError> errors)
    {
        private int _errorsBefore;

        public AdvanceProtocol? Protocol(JsonElement root)
        {
            _errorsBefore = errors.Count;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", $"is {Kind(root)}, not an object");
                return null;
            }

            UnknownProperties(root, "$", Properties);
            var id = Text(root, "$", "protocol", value => IdPattern().IsMatch(value) ? null : "is not a name of lower-case letters, digits and dashes (vgz-wlz)");
            var version = Whole(root, "$", "version", 1, 1_000_000);
            var zorgkantoor = Text(root, "$", "zorgkantoor", _ => null);
            var year = Whole(root, "$", "year", 2000, 2100);
            var uzovi = Uzovi(root);
            var regimes = Regimes(root);
            if (year is not { } y)
            {
                return null; // every date is checked against the year: without it the rest would only repeat one error
            }

            var (firstRun, finalRun) = ProductionRuns(root, y);
            var (werkvoorschotRuns, factor) = Werkvoorschot(root, y, regimes, firstRun);
            var cap = Choice(root, "$", "cap", new Dictionary<string, CapRule> { ["cumulative-monthly"] = CapRule.CumulativeMonthly });
            var exempt = Exempt(root);
            var mndp = Mndp(root);
            var cutoff = Cutoff(root, y, finalRun);
            var settlementRuns = Settlement(root, y, werkvoorschotRuns, firstRun, finalRun);

            if (errors.Count > _errorsBefore)
            {
                return null;
            }

            return new AdvanceProtocol
            {
                Id = id!,
                Version = version!.Value,
                Zorgkantoor = zorgkantoor!,
                Year = y,
                UzoviCodes = uzovi!,
                Regimes = regimes!,
                WerkvoorschotRuns = werkvoorschotRuns ?? [],
                WerkvoorschotFactor = factor ?? new Fraction(1, 1),
                FirstProductionRun = firstRun!.Value,
                FinalRun = finalRun!.Value,
                Cap = cap!.Value,
                ExemptPrestaties = exempt!,
                Mndp = mndp!.Value,
                Cutoff = cutoff!,
                SettlementRuns = settlementRuns ?? [],
            };
        }

        private IReadOnlyList<int>? Uzovi(JsonElement root)
        {
            if (Array(root, "$", "uzovi", allowEmpty: false) is not { } array)
            {
                return null;
            }

            var codes = new List<int>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"$.uzovi[{index++}]";
                if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var code) || code is < 1 or > 9999)
                {
                    Error(path, $"{Show(element)} is not a UZOVI code (a whole number 1-9999)");
                }
                else if (codes.Contains(code))
                {
                    Error(path, $"{code} is listed twice");
                }
                else
                {
                    codes.Add(code);
                }
            }

            return codes;
        }

        private IReadOnlySet<Regime>? Regimes(JsonElement root)
        {
            if (Array(root, "$", "regimes", allowEmpty: false) is not { } array)
            {
                return null;
            }

            var regimes = new HashSet<Regime>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"$.regimes[{index++}]";
                Regime? regime = element.ValueKind == JsonValueKind.String
                    ? element.GetString() switch { "werkvoorschot" => Regime.Werkvoorschot, "achteraf" => Regime.Achteraf, _ => null }
                    : null;
                if (regime is null)
                {
                    Error(path, $"{Show(element)} is not a regime (werkvoorschot or achteraf)");
                }
                else if (!regimes.Add(regime.Value))
                {
                    Error(path, $"{Show(element)} is listed twice");
                }
            }

            return regimes.ToFrozenSet();
        }

        private (DateOnly? First, DateOnly? Last) ProductionRuns(JsonElement root, int year)
        {
            if (Object(root, "$", "productionRuns") is not { } runs)
            {
                return (null, null);
            }

            UnknownProperties(runs, "$.productionRuns", ["first", "last"]);
            var first = Month(runs, "$.productionRuns", "first", year, year);
            var last = Month(runs, "$.productionRuns", "last", year + 1, year + 1, "(the final run, the nacalculatie, falls in the next year)");
            return (first, last);
        }

        private (IReadOnlyList<DateOnly>? Runs, Fraction? Factor) Werkvoorschot(JsonElement root, int year, IReadOnlySet<Regime>? regimes, DateOnly? firstProductionRun)
        {
            var required = regimes?.Contains(Regime.Werkvoorschot) ?? false;
            if (!root.TryGetProperty("werkvoorschot", out var werkvoorschot))
            {
                if (required)
                {
                    Error("$.werkvoorschot", "is missing: the regimes include werkvoorschot");
                }

                return (null, null);
            }

            if (werkvoorschot.ValueKind != JsonValueKind.Object)
            {
                Error("$.werkvoorschot", $"is {Kind(werkvoorschot)}, not an object");
                return (null, null);
            }

            UnknownProperties(werkvoorschot, "$.werkvoorschot", ["months", "factor"]);
            var runs = Months(werkvoorschot, "$.werkvoorschot", "months", year, year);
            if (runs is not null && firstProductionRun is { } first)
            {
                for (var i = 0; i < runs.Count; i++)
                {
                    if (runs[i] >= first)
                    {
                        Error($"$.werkvoorschot.months[{i}]", $"{runs[i]:yyyy-MM} is not before the first production run {first:yyyy-MM}");
                    }
                }
            }

            Fraction? factor = null;
            if (Text(werkvoorschot, "$.werkvoorschot", "factor", value => Fraction.TryParse(value, out _) ? null : "is not an exact fraction of whole numbers such as 100/98") is { } text
                && Fraction.TryParse(text, out var parsed))
            {
                factor = parsed;
            }

            return (runs, factor);
        }

        private FrozenSet<string>? Exempt(JsonElement root)
        {
            if (Array(root, "$", "exempt", allowEmpty: true) is not { } array)
            {
                return null;
            }

            var codes = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"$.exempt[{index++}]";
                var code = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
                if (code is null || !PrestatiePattern().IsMatch(code))
                {
                    Error(path, $"{Show(element)} is not a prestatiecode (1-6 capitals or digits)");
                }
                else if (!codes.Add(code))
                {
                    Error(path, $"{code} is listed twice");
                }
            }

            return codes.ToFrozenSet(StringComparer.Ordinal);
        }

        private MndpRule? Mndp(JsonElement root)
        {
            if (Object(root, "$", "mndp") is not { } mndp)
            {
                return null;
            }

            UnknownProperties(mndp, "$.mndp", ["counts"]);
            return Choice(mndp, "$.mndp", "counts", new Dictionary<string, MndpRule>
            {
                ["crisisafspraak"] = MndpRule.WithCrisisafspraak,
                ["never"] = MndpRule.Never,
            });
        }

        private CutoffRule? Cutoff(JsonElement root, int year, DateOnly? finalRun)
        {
            if (!root.TryGetProperty("cutoff", out var cutoff))
            {
                Error("$.cutoff", "is missing");
                return null;
            }

            CutoffRule? rule = null;
            if (cutoff.ValueKind == JsonValueKind.String)
            {
                if (!DateOnly.TryParseExact(cutoff.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    Error("$.cutoff", $"{Show(cutoff)} is not a date YYYY-MM-DD (or an object with workingDay, month, holidays)");
                    return null;
                }

                rule = CutoffRule.On(date);
            }
            else if (cutoff.ValueKind == JsonValueKind.Object)
            {
                UnknownProperties(cutoff, "$.cutoff", ["workingDay", "month", "holidays"]);
                var n = Whole(cutoff, "$.cutoff", "workingDay", 1, 23);
                var month = Month(cutoff, "$.cutoff", "month", year + 1, year + 1, "(the cutoff falls in the next year)");
                var holidays = new List<DateOnly>();
                if (cutoff.TryGetProperty("holidays", out _) && Array(cutoff, "$.cutoff", "holidays", allowEmpty: true) is { } array)
                {
                    var index = 0;
                    foreach (var element in array.EnumerateArray())
                    {
                        var path = $"$.cutoff.holidays[{index++}]";
                        if (element.ValueKind != JsonValueKind.String
                            || !DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var holiday))
                        {
                            Error(path, $"{Show(element)} is not a date YYYY-MM-DD");
                        }
                        else
                        {
                            holidays.Add(holiday);
                        }
                    }
                }

                if (n is null || month is null)
                {
                    return null;
                }

                try
                {
                    rule = CutoffRule.NthWorkingDay(n.Value, month.Value.Year, month.Value.Month, holidays);
                }
                catch (ArgumentOutOfRangeException)
                {
                    Error("$.cutoff.workingDay", $"{month:yyyy-MM} has fewer than {n} working days");
                    return null;
                }
            }
            else
            {
                Error("$.cutoff", $"is {Kind(cutoff)}, not a date or an object with workingDay, month, holidays");
                return null;
            }

            var day = rule.Date;
            if (day.Year <= year)
            {
                Error("$.cutoff", $"{day:yyyy-MM-dd} is not in the next year: files of {year} keep coming in after the year ends");
            }
            else if (finalRun is { } final && day >= final)
            {
                Error("$.cutoff", $"{day:yyyy-MM-dd} is not before the final run {final:yyyy-MM-dd}: the final run must see every line of the year");
            }

            return rule;
        }

        private IReadOnlyList<DateOnly>? Settlement(JsonElement root, int year, IReadOnlyList<DateOnly>? werkvoorschotRuns, DateOnly? firstRun, DateOnly? finalRun)
        {
            if (Object(root, "$", "settlement") is not { } settlement)
            {
                return null;
            }

            UnknownProperties(settlement, "$.settlement", ["months"]);
            var runs = Months(settlement, "$.settlement", "months", year + 1, year + 1);
            if (runs is null || werkvoorschotRuns is null)
            {
                return runs;
            }

            if (runs.Count != werkvoorschotRuns.Count)
            {
                Error("$.settlement.months", $"lists {runs.Count} months for {werkvoorschotRuns.Count} werkvoorschot months: one settlement month per werkvoorschot month");
            }

            for (var i = 0; i < runs.Count; i++)
            {
                if (finalRun is { } final && runs[i] > final)
                {
                    Error($"$.settlement.months[{i}]", $"{runs[i]:yyyy-MM} is after the final run {final:yyyy-MM}");
                }
            }

            return runs;
        }

        // ---- values -------------------------------------------------------------------------------------------------

        private IReadOnlyList<DateOnly>? Months(JsonElement parent, string parentPath, string name, int firstYear, int lastYear)
        {
            if (Array(parent, parentPath, name, allowEmpty: false) is not { } array)
            {
                return null;
            }

            var months = new List<DateOnly>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"{parentPath}.{name}[{index++}]";
                if (MonthValue(element, path, firstYear, lastYear, "") is not { } month)
                {
                    continue;
                }

                if (months.Count > 0 && month <= months[^1])
                {
                    Error(path, $"{month:yyyy-MM} does not come after {months[^1]:yyyy-MM}: list the months in order, each once");
                }

                months.Add(month);
            }

            return months;
        }

        private DateOnly? Month(JsonElement parent, string parentPath, string name, int firstYear, int lastYear, string why = "")
        {
            if (!parent.TryGetProperty(name, out var element))
            {
                Error($"{parentPath}.{name}", "is missing");
                return null;
            }

            return MonthValue(element, $"{parentPath}.{name}", firstYear, lastYear, why);
        }

        private DateOnly? MonthValue(JsonElement element, string path, int firstYear, int lastYear, string why)
        {
            if (element.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(element.GetString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                Error(path, $"{Show(element)} is not a month YYYY-MM");
                return null;
            }

            if (month.Year < firstYear || month.Year > lastYear)
            {
                var years = firstYear == lastYear ? $"{firstYear}" : $"{firstYear}-{lastYear}";
                Error(path, $"{month:yyyy-MM} is not in {years}{(why.Length > 0 ? " " + why : "")}");
                return null;
            }

            return month;
        }

        private JsonElement? Object(JsonElement parent, string parentPath, string name)
        {
            if (!parent.TryGetProperty(name, out var element))
            {
                Error($"{parentPath}.{name}", "is missing");
                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                Error($"{parentPath}.{name}", $"is {Kind(element)}, not an object");
                return null;
            }

            return element;
        }

        private JsonElement? Array(JsonElement parent, string parentPath, string name, bool allowEmpty)
        {
            if (!parent.TryGetProperty(name, out var element))
            {
                Error($"{parentPath}.{name}", "is missing");
                return null;
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                Error($"{parentPath}.{name}", $"is {Kind(element)}, not a list");
                return null;
            }

            if (!allowEmpty && element.GetArrayLength() == 0)
            {
                Error($"{parentPath}.{name}", "is empty");
                return null;
            }

            return element;
        }

        private string? Text(JsonElement parent, string parentPath, string name, Func<string, string?> check)
        {
            var path = $"{parentPath}.{name}";
            if (!parent.TryGetProperty(name, out var element))
            {
                Error(path, "is missing");
                return null;
            }

            if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            {
                Error(path, $"{Show(element)} is not a text");
                return null;
            }

            var value = element.GetString()!;
            if (check(value) is { } problem)
            {
                Error(path, $"{Show(element)} {problem}");
                return null;
            }

            return value;
        }

        private int? Whole(JsonElement parent, string parentPath, string name, int min, int max)
        {
            var path = $"{parentPath}.{name}";
            if (!parent.TryGetProperty(name, out var element))
            {
                Error(path, "is missing");
                return null;
            }

            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value) || value < min || value > max)
            {
                Error(path, $"{Show(element)} is not a whole number {min}-{max}");
                return null;
            }

            return value;
        }

        private T? Choice<T>(JsonElement parent, string parentPath, string name, Dictionary<string, T> choices)
            where T : struct
        {
            var path = $"{parentPath}.{name}";
            if (!parent.TryGetProperty(name, out var element))
            {
                Error(path, "is missing");
                return null;
            }

            if (element.ValueKind == JsonValueKind.String && choices.TryGetValue(element.GetString()!, out var value))
            {
                return value;
            }

            Error(path, $"{Show(element)} is not one of: {string.Join(", ", choices.Keys)}");
            return null;
        }

        private void UnknownProperties(JsonElement element, string path, string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    Error($"{path}.{property.Name}", $"is not a protocol setting (known here: {string.Join(", ", known)})");
                }
            }
        }

        private void Error(string path, string reason) => errors.Add(new ProtocolError(file, path, reason));

        private static string Show(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"'{element.GetString()}'",
            JsonValueKind.Object or JsonValueKind.Array => Kind(element),
            _ => element.GetRawText(),
        };

        private static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "null",
        };
    }
}
