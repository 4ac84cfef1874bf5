using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WlzMessaging.Operations;

/// <summary>One figure of the nightly report as an operator reads it: a label and its value, amounts in euros.</summary>
public sealed record NightlyFigure(string Label, string Value);

/// <summary>
/// The nightly run's report as the views show it. The nightly job promises a report without personal data; this view does
/// not rely on the promise: it drops properties whose name speaks of a BSN, a name or a birth date, and masks every value
/// of nine digits (the shape of a BSN; AGB codes have eight) except amounts in cents (a property named <c>…Cents</c>).
/// </summary>
internal static class NightlyReportView
{
    public const string Masked = "(hidden)";

    private static readonly string[] s_personalParts = ["bsn", "burgerservice", "geboorte", "birth", "patient", "voorletters", "clientnummer", "client_nummer"];

    private static readonly string[] s_organisationPrefixes = ["provider", "aanbieder", "zorgaanbieder", "instelling", "file", "bestand"];

    /// <summary>The report without personal data; null when there is none or it is not JSON.</summary>
    public static JsonNode? Redact(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        return Redact(node);
    }

    /// <summary>
    /// The report as an operator reads it: labelled figures in a fixed order ("Files answered 3", "Credits matched 2", "Late
    /// MAZ lines listed for resubmission 0"), amounts in euros (Money), each figure the report holds. Members of the files
    /// step that say something only when not zero (a failure, something left for an operator) are listed only then. Other
    /// top-level numbers (a report of another version) follow with their name spelled out ("creditsMatched": "Credits
    /// matched"). Lists per provider are left to <see cref="Redact(string?)"/>'s tree. Takes the redacted report.
    /// </summary>
    public static IReadOnlyList<NightlyFigure> Figures(JsonNode? report)
    {
        if (report is not JsonObject top)
        {
            return [];
        }

        var figures = new List<NightlyFigure>();
        var shown = new HashSet<string>(StringComparer.Ordinal) { "date", "providers", "files" };
        var files = top["files"] as JsonObject;

        JsonNode? Top(string key)
        {
            shown.Add(key);
            return top[key];
        }

        void Add(string label, JsonNode? value, bool money = false)
        {
            if (Text(value, money) is { } text)
            {
                figures.Add(new NightlyFigure(label, text));
            }
        }

        void AddWhenNotZero(string label, JsonNode? value)
        {
            if (Number(value) is not (null or 0))
            {
                Add(label, value);
            }
        }

        Add("Files answered", files?["answered"] ?? Top("filesProcessed"));
        shown.Add("filesProcessed");
        AddWhenNotZero("Files rejected as a whole", files?["rejected"]);
        Add("Files quarantined", files?["quarantined"]);
        AddWhenNotZero("Files left to a live worker", files?["leftToLiveWorker"]);
        AddWhenNotZero("Files that failed (left in the inbox)", files?["failed"]);
        Add("Stale claims released", Top("staleClaimsReleased"));
        AddWhenNotZero("Stale claims for an operator", files?["staleClaimsForOperator"]);
        AddWhenNotZero("Unpublished AW320s published", files?["staleAnswersPublished"]);
        AddWhenNotZero("Temporary AW320s removed", files?["staleAnswersRemoved"]);
        AddWhenNotZero("Temporary AW320s for an operator", files?["staleAnswersForOperator"]);
        var credits = Number(Top("credits"));
        var unmatched = Number(Top("creditsUnmatched"));
        if (credits is { } c)
        {
            figures.Add(new NightlyFigure("Credits matched", (c - (unmatched ?? 0)).ToString(CultureInfo.InvariantCulture)));
        }

        Add("Credits without their debit", top["creditsUnmatched"]);
        Add("Re-debits matched", Top("redebits"));
        Add("Corrections, net", Top("correctionNetCents"), money: true);
        Add("Production recomputed (provider-years)", Top("productionYearsRecomputed"));
        Add("Tariff corrections", Top("tariffCorrections"));
        Add("Tariff corrections, amount", Top("tariffCorrectionCents"), money: true);
        Add("Herschikkingen taking effect", Top("herschikkingen"));
        Add("Late MAZ lines listed for resubmission", Top("lateMazLines"));
        Add("Open declaration years", Top("openYears"));

        foreach (var (key, value) in top)
        {
            if (!shown.Contains(key) && key != Masked)
            {
                // An amount is labelled by what it is: "amountCents" reads "Amount", shown in euros.
                var money = IsMoney(key);
                Add(Spelled(money ? key[..^(key.EndsWith("_cents", StringComparison.Ordinal) ? 6 : 5)] : key), value, money);
            }
        }

        return figures;
    }

    /// <summary>A scalar, or a list of scalars, as text; amounts in euros; null for anything else (objects, lists of them).</summary>
    private static string? Text(JsonNode? node, bool money) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => money ? Money.Operator(n) : n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v => v.ToJsonString().Trim('"'),
        JsonArray a when a.All(i => i is JsonValue) => a.Count == 0 ? "none" : string.Join(", ", a.Select(i => Text(i, money))),
        _ => null,
    };

    private static long? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    /// <summary>A camelCase (or snake_case) name as words: "creditsMatched" → "Credits matched".</summary>
    internal static string Spelled(string key)
    {
        var words = new StringBuilder(key.Length + 4);
        foreach (var ch in key)
        {
            if (ch == '_')
            {
                words.Append(' ');
                continue;
            }

            if (char.IsUpper(ch) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch));
        }

        return words.ToString();
    }

    private static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (IsPersonal(key))
                    {
                        continue;
                    }

                    // Amounts in cents are money, however many digits they have (a jaarafspraak of 8.5 million euros has nine).
                    copy[IsBsnLike(key) ? Masked : key] = IsMoney(key) && value is JsonValue ? value.DeepClone() : Redact(value);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Redact(item));
                }

                return items;
            case JsonValue value:
                var text = value.ToJsonString().Trim('"');
                return IsBsnLike(text) ? JsonValue.Create(Masked) : value.DeepClone();
            default:
                return null;
        }
    }

    /// <summary>A property about a person: a BSN, a birth date, a client number, or a name that is not an organisation's or a file's.</summary>
    internal static bool IsPersonal(string key)
    {
        var lower = key.ToLowerInvariant();
        if (s_personalParts.Any(p => lower.Contains(p, StringComparison.Ordinal)))
        {
            return true;
        }

        return (lower.EndsWith("naam", StringComparison.Ordinal) || lower.EndsWith("name", StringComparison.Ordinal))
            && !s_organisationPrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>A property holding eurocents (<c>amountCents</c>, <c>tarief_cent</c>).</summary>
    internal static bool IsMoney(string key) =>
        key.EndsWith("Cents", StringComparison.Ordinal) || key.EndsWith("_cents", StringComparison.Ordinal) || key.EndsWith("_cent", StringComparison.Ordinal);

    private static bool IsBsnLike(string text) => text.Length == 9 && text.All(char.IsAsciiDigit);
}
